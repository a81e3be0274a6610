package dev.parley.bench.ceiling;

import io.javalin.Javalin;

/**
 * The ceiling: the simplest broadcast server on Parley's HTTP/WebSocket stack (Javalin 7, Jetty
 * 12, virtual threads) that speaks the frames the bench workloads use, with no authentication
 * checks, no persistence and no access rules. Whatever it reaches on a machine is the most Parley
 * could reach there with this stack; the bench reports Parley's figures as a ratio to it.
 *
 * <p>Run: {@code java -cp parley-bench.jar dev.parley.bench.ceiling.CeilingServer [port]} (port 0
 * or none: a free one). It binds 127.0.0.1 and prints "Ceiling listening on http://127.0.0.1:PORT".
 */
public final class CeilingServer implements AutoCloseable {
    private final Javalin app;

    private CeilingServer(Javalin app) {
        this.app = app;
    }

    /** Starts a ceiling server on 127.0.0.1 and {@code port} (0: any free port). */
    public static CeilingServer start(int port) {
        CeilingState state = new CeilingState();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = port;
            CeilingRoutes.register(config.routes, state);
            CeilingSockets.register(config, state);
        });
        app.start();
        return new CeilingServer(app);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    public static void main(String[] args) {
        System.setProperty("parley.log.level", "WARN");
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        CeilingServer server = start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "ceiling-shutdown"));
        System.out.println("Ceiling listening on http://127.0.0.1:" + server.port());
        System.out.flush();
    }
}
