package dev.parley.bench.harness;

import dev.parley.bench.rest.HostTokens;
import dev.parley.bench.rest.RestApi;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A server under test, running in its own JVM on 127.0.0.1 and a free port: Parley from its jar
 * ({@code java -jar parley.jar serve}) with a data directory, an API key, a host-token secret and
 * rate limits far above the bench's load; or the ceiling from the bench's own class path. Gives
 * the REST client, the token minter and the process id for CPU and memory readings.
 */
public final class TargetServer implements AutoCloseable {
    public static final String PARLEY = "parley";
    public static final String CEILING = "ceiling";
    private static final String UNLIMITED = "send=999999999/1s,edit=999999999/1s,react=999999999/1s,"
            + "create_conversation=999999999/1s,login=999999999/1s";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final String kind;
    private final ServerProcess process;
    private final BenchDatabase database;
    private final RestApi api;
    private final HostTokens tokens;
    private final List<String> jvmOptions;

    private TargetServer(String kind, ServerProcess process, BenchDatabase database, String apiKey, String secret,
                         List<String> jvmOptions) {
        this.kind = kind;
        this.process = process;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.database = database;
        this.api = new RestApi("127.0.0.1", process.port(), apiKey);
        this.tokens = new HostTokens(secret);
    }

    /** Starts Parley on {@code dataDir} with {@code database} (which the caller closes after this server). */
    public static TargetServer parley(BenchSettings settings, Path dataDir, BenchDatabase database) {
        return parley(settings, dataDir, database, settings.serverJvmOptions());
    }

    /** As {@link #parley(BenchSettings, Path, BenchDatabase)}, the JVM started with {@code jvmOptions}. */
    public static TargetServer parley(BenchSettings settings, Path dataDir, BenchDatabase database, List<String> jvmOptions) {
        Path jar = settings.serverJar();
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("The Parley server jar is missing: " + jar + ". Build it first: "
                    + "./mvnw -B -q install -DskipTests -pl parley-server -am (or pass --server-jar)");
        }
        SecureRandom random = new SecureRandom();
        String apiKey = "bench-" + randomHex(random, 16);
        String secret = "bench-host-secret-" + randomHex(random, 24);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PARLEY_HOST", "127.0.0.1");
        env.put("PARLEY_PORT", "0");
        env.put("PARLEY_DATA_DIR", dataDir.toAbsolutePath().toString());
        env.put("PARLEY_API_KEYS", apiKey);
        env.put("PARLEY_HOST_JWT_SECRET", secret);
        env.put("PARLEY_RATE_LIMITS", UNLIMITED);
        env.put("PARLEY_SHUTDOWN_GRACE", "2s");
        env.putAll(database.serverEnvironment());
        List<String> arguments = List.of("-jar", jar.toAbsolutePath().toString(), "serve");
        ServerProcess process = ServerProcess.start("Parley", jvmOptions, arguments, env,
                settings.workDir().resolve("parley-" + System.nanoTime() + ".log"), START_TIMEOUT);
        return new TargetServer(PARLEY, process, database, apiKey, secret, jvmOptions);
    }

    /** Starts the ceiling server from this JVM's class path (the bench jar, or the build's classes in tests). */
    public static TargetServer ceiling(BenchSettings settings) {
        return ceiling(settings, settings.serverJvmOptions());
    }

    /** As {@link #ceiling(BenchSettings)}, the JVM started with {@code jvmOptions}. */
    public static TargetServer ceiling(BenchSettings settings, List<String> jvmOptions) {
        List<String> arguments = new ArrayList<>(List.of("-cp", System.getProperty("java.class.path"),
                "dev.parley.bench.ceiling.CeilingServer", "0"));
        ServerProcess process = ServerProcess.start("Ceiling", jvmOptions, arguments, Map.of(),
                settings.workDir().resolve("ceiling-" + System.nanoTime() + ".log"), START_TIMEOUT);
        return new TargetServer(CEILING, process, null, "ceiling-accepts-any-key", "ceiling-accepts-any-token-0123456789",
                jvmOptions);
    }

    private static String randomHex(SecureRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    /** {@link #PARLEY} or {@link #CEILING}. */
    public String kind() {
        return kind;
    }

    /** The options its JVM was started with. */
    public List<String> jvmOptions() {
        return jvmOptions;
    }

    public RestApi api() {
        return api;
    }

    public HostTokens tokens() {
        return tokens;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", process.port());
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String logTail() {
        return process.logTail();
    }

    /** CPU seconds of the database server's processes (PostgreSQL), or -1. */
    public double databaseCpuSeconds() {
        return database == null ? -1 : database.cpuSeconds();
    }

    @Override
    public void close() {
        api.close();
        process.close();
    }
}
