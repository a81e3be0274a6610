package dev.parley.e2e.browser;

import dev.parley.server.ParleyServer;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.http.WebRoutes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Parley server in this JVM for the browser tests: SQLite in a fresh temporary data
 * directory, a free port on 127.0.0.1, no practical rate limits, and the test pages of
 * {@code src/test/resources/dev/parley/e2e/browser/pages} served at {@code /test/} next to the SDK
 * at {@code /sdk/}. It can be stopped and started again on the same data directory and port.
 */
final class BrowserServer implements AutoCloseable {
    static final String PAGES_FOLDER = "/dev/parley/e2e/browser/pages";
    private static final String NO_PRACTICAL_LIMITS =
            "send=100000/1s,edit=100000/1s,react=100000/1s,create_conversation=100000/1s,login=100000/1s";

    private final Path dataDir;
    private final Map<String, String> env;
    private final int port;
    private final Rest rest;
    private ParleyServer server;

    private BrowserServer(Path dataDir, Map<String, String> env, ParleyServer server) {
        this.dataDir = dataDir;
        this.env = env;
        this.server = server;
        this.port = server.port();
        this.rest = new Rest(baseUrl());
    }

    static BrowserServer start() {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("parley-browser-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new HashMap<>();
        env.put("PARLEY_PORT", "0");
        env.put("PARLEY_HOST", "127.0.0.1");
        env.put("PARLEY_DATA_DIR", dataDir.toString());
        env.put("PARLEY_JWT_SECRET", "browser-tests-server-secret-0123456789abcdef");
        env.put("PARLEY_RATE_LIMITS", NO_PRACTICAL_LIMITS);
        env.put("PARLEY_SHUTDOWN_GRACE", "0s");
        try {
            return new BrowserServer(dataDir, env, launch(env));
        } catch (RuntimeException e) {
            delete(dataDir);
            throw e;
        }
    }

    private static ParleyServer launch(Map<String, String> env) {
        return new ParleyServer(ConfigLoader.load(env, null), Clock.systemUTC(),
                javalin -> WebRoutes.register(javalin, "/test", PAGES_FOLDER)).start();
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The URL of a test page, e.g. {@code chat.html}. */
    String page(String name) {
        return baseUrl() + "/test/" + name;
    }

    Rest rest() {
        return rest;
    }

    /** Stops the server; the data directory stays. */
    synchronized void stop() {
        server.stop();
    }

    /** Starts a new server on the same data directory and port, as an operator restarting it would. */
    synchronized void startAgain() {
        Map<String, String> same = new HashMap<>(env);
        same.put("PARLEY_PORT", String.valueOf(port));
        server = launch(same);
    }

    @Override
    public synchronized void close() {
        try {
            server.stop();
        } finally {
            delete(dataDir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
