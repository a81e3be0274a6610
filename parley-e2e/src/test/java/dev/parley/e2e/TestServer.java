package dev.parley.e2e;

import dev.parley.server.ParleyServer;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.ParleyConfig;
import io.javalin.config.JavalinState;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A real Parley server in this JVM: SQLite in a fresh temporary data directory, a free port on
 * 127.0.0.1, a known API key and host-token secret. Settings can be overridden per instance
 * (the rate-limit test starts one with tiny limits).
 */
final class TestServer implements AutoCloseable {
    static final String API_KEY = "e2e-platform-key-0123456789abcdef";
    static final String HOST_JWT_SECRET = "e2e-host-application-secret-0123456789abcdef";
    static final String JWT_SECRET = "e2e-parley-server-secret-0123456789abcdef";
    /** Generous limits so only the rate-limit test ever sees a 429. */
    static final String NO_PRACTICAL_LIMITS =
            "send=100000/1s,edit=100000/1s,react=100000/1s,create_conversation=100000/1s,login=100000/1s";

    private final Path dataDir;
    private final ParleyServer server;
    private final JavalinState javalin;
    private final String baseUrl;

    private TestServer(Path dataDir, ParleyServer server, JavalinState javalin) {
        this.dataDir = dataDir;
        this.server = server;
        this.javalin = javalin;
        this.baseUrl = "http://127.0.0.1:" + server.port();
    }

    /** Starts a server with the e2e defaults, changed by {@code overrides} ({@code PARLEY_*} settings). */
    static TestServer start(Map<String, String> overrides) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("parley-e2e-");
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
        ParleyConfig config = ConfigLoader.load(env, null);
        AtomicReference<JavalinState> javalin = new AtomicReference<>();
        ParleyServer server = new ParleyServer(config, Clock.systemUTC(), cfg -> javalin.set(cfg.unsafe));
        try {
            server.start();
        } catch (RuntimeException e) {
            delete(dataDir);
            throw e;
        }
        return new TestServer(dataDir, server, javalin.get());
    }

    /**
     * The HTTP routes the running server registered, as {@code METHOD /path}, read from its
     * Javalin router (HEAD and OPTIONS, which Jetty answers for any route, are left out).
     */
    List<String> routes() {
        Set<HandlerType> ignored = Set.of(HandlerType.HEAD, HandlerType.OPTIONS);
        return javalin.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(e -> e.method.isHttpMethod() && !ignored.contains(e.method))
                .map((Endpoint e) -> e.method.name() + " " + e.path)
                .distinct().sorted().toList();
    }

    String baseUrl() {
        return baseUrl;
    }

    ParleyServer server() {
        return server;
    }

    @Override
    public void close() {
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
