package dev.parley.server.http;

import dev.parley.server.ParleyServer;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.ParleyConfig;
import io.javalin.config.JavalinConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** A real Parley server on 127.0.0.1 and a free port, with its SQLite database in a temporary directory. */
final class TestServer implements AutoCloseable {
    static final String API_KEY = "test-platform-key-0123456789";
    static final String HOST_SECRET = "host-app-secret-host-app-secret-!";

    final ParleyServer server;
    final Api api;

    private TestServer(ParleyServer server) {
        this.server = server;
        this.api = new Api("http://127.0.0.1:" + server.port());
    }

    /** Settings every HTTP test uses, plus {@code overrides}. */
    static ParleyConfig config(Path dataDir, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("PARLEY_HOST", "127.0.0.1");
        env.put("PARLEY_PORT", "0");
        env.put("PARLEY_DATA_DIR", dataDir.toString());
        env.put("PARLEY_API_KEYS", API_KEY);
        env.put("PARLEY_HOST_JWT_SECRET", HOST_SECRET);
        env.put("PARLEY_MAX_BODY_BYTES", "4096");
        env.put("PARLEY_SHUTDOWN_GRACE", "5s");
        env.putAll(overrides);
        return ConfigLoader.load(env);
    }

    static TestServer start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    static TestServer start(Path dataDir, Map<String, String> overrides) {
        return start(config(dataDir, overrides), javalin -> {
        });
    }

    static TestServer start(ParleyConfig config, Consumer<JavalinConfig> extension) {
        return new TestServer(new ParleyServer(config, Clock.systemUTC(), extension).start());
    }

    @Override
    public void close() {
        server.stop();
    }
}
