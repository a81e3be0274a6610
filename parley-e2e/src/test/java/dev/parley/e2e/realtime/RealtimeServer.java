package dev.parley.e2e.realtime;

import dev.parley.server.ParleyServer;
import dev.parley.server.config.ConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Parley server in this JVM for the realtime tests: SQLite in a fresh temporary data
 * directory on a free port of 127.0.0.1, host-application tokens accepted, no practical rate
 * limits. {@link #restart} stops it and starts a new server on the same data directory and port,
 * as an operator restarting the process would.
 */
final class RealtimeServer implements AutoCloseable {
    static final String HOST_JWT_SECRET = "realtime-host-application-secret-0123456789abcdef";
    static final String JWT_SECRET = "realtime-parley-server-secret-0123456789abcdef";
    static final String API_KEY = "realtime-platform-key-0123456789abcdef";
    private static final String NO_PRACTICAL_LIMITS =
            "send=100000/1s,edit=100000/1s,react=100000/1s,create_conversation=100000/1s,login=100000/1s";

    private final Path dataDir;
    private final Map<String, String> env;
    private volatile ParleyServer server;
    private final int port;

    private RealtimeServer(Path dataDir, Map<String, String> env, ParleyServer server) {
        this.dataDir = dataDir;
        this.env = env;
        this.server = server;
        this.port = server.port();
    }

    /** Starts a server with the realtime defaults, changed by {@code overrides} ({@code PARLEY_*} settings). */
    static RealtimeServer start(Map<String, String> overrides) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("parley-realtime-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new HashMap<>();
        env.put("PARLEY_PORT", "0");
        env.put("PARLEY_HOST", "127.0.0.1");
        env.put("PARLEY_DATA_DIR", dataDir.toString());
        env.put("PARLEY_JWT_SECRET", JWT_SECRET);
        env.put("PARLEY_HOST_JWT_SECRET", HOST_JWT_SECRET);
        env.put("PARLEY_API_KEYS", API_KEY);
        env.put("PARLEY_RATE_LIMITS", NO_PRACTICAL_LIMITS);
        env.put("PARLEY_SHUTDOWN_GRACE", "0s");
        env.putAll(overrides);
        try {
            return new RealtimeServer(dataDir, env, launch(env));
        } catch (RuntimeException e) {
            delete(dataDir);
            throw e;
        }
    }

    private static ParleyServer launch(Map<String, String> env) {
        ParleyServer server = new ParleyServer(ConfigLoader.load(env, null), Clock.systemUTC(), javalin -> {
        });
        return server.start();
    }

    /** Stops the server and starts a new one on the same data directory and port. */
    synchronized void restart() {
        server.stop();
        Map<String, String> same = new HashMap<>(env);
        same.put("PARLEY_PORT", String.valueOf(port));
        server = launch(same);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    URI socketUri() {
        return URI.create("ws://127.0.0.1:" + port + "/ws");
    }

    ParleyServer server() {
        return server;
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
