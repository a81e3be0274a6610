package dev.parley.server;

import dev.parley.server.config.ParleyConfig;
import dev.parley.server.ws.Realtime;
import dev.parley.server.ws.WsEndpoint;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.time.Clock;
import java.util.function.Consumer;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Parley server: the backend behind a Javalin (Jetty, virtual threads) HTTP listener with
 * the REST API and the WebSocket protocol on {@code /ws}. {@link #stop} shuts down gracefully:
 * readiness turns 503, every socket is closed with 1001, the listener stops accepting, requests in
 * flight may finish within the shutdown grace period, then queued events are delivered and the
 * connection pool is closed.
 */
public final class ParleyServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ParleyServer.class);

    private final ParleyConfig config;
    private final Clock clock;
    private final Consumer<JavalinConfig> extension;
    private Backend backend;
    private Realtime realtime;
    private Javalin app;
    private volatile boolean stopping;

    public ParleyServer(ParleyConfig config) {
        this(config, Clock.systemUTC(), javalin -> {
        });
    }

    /**
     * @param extension adds to the Javalin config after Parley's own routes (more routes, WebSocket
     *                  endpoints); it runs once, during {@link #start}
     */
    public ParleyServer(ParleyConfig config, Clock clock, Consumer<JavalinConfig> extension) {
        this.config = config;
        this.clock = clock;
        this.extension = extension;
    }

    /** Opens and migrates the database and starts listening; returns this. */
    public synchronized ParleyServer start() {
        if (app != null) throw new IllegalStateException("The server was started already");
        backend = Backend.open(config, clock);
        try {
            realtime = new Realtime(backend);
            app = Javalin.create(javalin -> {
                javalin.jetty.host = config.host();
                javalin.jetty.port = config.port();
                javalin.jetty.modifyServer(server -> {
                    server.setStopTimeout(config.shutdownGrace().toMillis());
                    server.setStopAtShutdown(false);
                    server.setHandler(new GracefulHandler());
                });
                RestWiring.configure(javalin, backend, () -> !stopping && backend.isHealthy());
                WsEndpoint.register(javalin, realtime);
                extension.accept(javalin);
            });
            app.start();
        } catch (RuntimeException e) {
            if (realtime != null) realtime.close();
            backend.close();
            backend = null;
            realtime = null;
            app = null;
            throw e;
        }
        String host = config.host().equals("0.0.0.0") || config.host().equals("::") ? "localhost" : config.host();
        LOG.info("Parley listening on http://{}:{} (web API docs at /api/docs)", host, app.port());
        return this;
    }

    /** The port the server listens on (the chosen one when configured as 0). */
    public int port() {
        if (app == null) throw new IllegalStateException("The server is not running");
        return app.port();
    }

    /** The domain services, for transports added by an extension. */
    public Services services() {
        if (backend == null) throw new IllegalStateException("The server is not running");
        return backend.services();
    }

    /** The backend (services, tokens, authentication), for transports added by an extension. */
    public Backend backend() {
        if (backend == null) throw new IllegalStateException("The server is not running");
        return backend;
    }

    /** The WebSocket side (connections, fan-out), for tests and metrics. */
    public Realtime realtime() {
        if (realtime == null) throw new IllegalStateException("The server is not running");
        return realtime;
    }

    /** Stops gracefully (see the class comment); does nothing if not running. */
    public synchronized void stop() {
        if (app == null) return;
        stopping = true;
        LOG.info("Parley shutting down (grace period {} ms)", config.shutdownGrace().toMillis());
        try {
            realtime.close();
            app.stop();
        } finally {
            backend.close();
            app = null;
            backend = null;
            realtime = null;
            LOG.info("Parley stopped");
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops the server when the JVM is asked to exit (SIGTERM, Ctrl-C); returns the hook. */
    public Thread stopOnShutdown() {
        Thread hook = new Thread(this::stop, "parley-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }
}
