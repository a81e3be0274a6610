package dev.parley.bench;

import dev.parley.bench.harness.BenchSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options every workload command shares. Each has a full-run default and a smoke default
 * (tiny, seconds); an option given on the command line wins over both.
 */
final class BenchOptions {
    @Option(names = "--duration", paramLabel = "<seconds>", description = "Measured time per run (default 30; smoke 2, and 1 for history, search and the connections hold)")
    Double duration;

    @Option(names = "--warmup", paramLabel = "<seconds>", description = "Unmeasured time before it (default 5; smoke 0)")
    Double warmup;

    @Option(names = "--rate", paramLabel = "<msg/s>", description = "fanout: offered messages per second, all senders together (default 1000; smoke 20)")
    Double rate;

    @Option(names = "--conversations", description = "fanout: conversations R (default 200; smoke 5)")
    Integer conversations;

    @Option(names = "--members", description = "Members per conversation M: fanout, connections (default 10; smoke 4); burst (default 100; smoke 20)")
    Integer members;

    @Option(names = "--senders", description = "fanout: senders S per conversation (default 1)")
    Integer senders;

    @Option(names = "--window", description = "burst: messages in flight W (default 32; smoke 8)")
    Integer window;

    @Option(names = "--connected", description = "burst: members connected, the sender first (default: all members)")
    Integer connected;

    @Option(names = "--burst-messages", description = "burst: stop after this many messages, 0 for none (default 0; smoke 50)")
    Long burstMessages;

    @Option(names = "--connections", description = "connections: connections N (default 10000; smoke 50)")
    Integer connections;

    @Option(names = "--ramp", paramLabel = "<conn/s>", description = "connections: opened per second, 0 for as fast as possible (default 1000; smoke 0)")
    Integer ramp;

    @Option(names = "--concurrency", description = "history, search, rest-send: concurrent clients (default 8; smoke 2)")
    Integer concurrency;

    @Option(names = "--messages", description = "history, search: messages in the generated store (default 1000000; smoke 2000)")
    Long messages;

    @Option(names = "--db", description = "sqlite or postgres (embedded) (default: sqlite)", defaultValue = "sqlite")
    String database;

    @Option(names = "--target", description = "parley, ceiling or both (default: both)", defaultValue = "both")
    String target;

    @Option(names = "--smoke", description = "Tiny, seconds-long runs that check correctness, not speed")
    boolean smoke;

    @Option(names = "--find-max", description = "fanout: raise the rate by --step-factor per step until p99 > --max-p99 or anything is lost")
    boolean findMax;

    @Option(names = "--step-factor", description = "fanout --find-max: the rate of each step over the last (default 1.5)", defaultValue = "1.5")
    double stepFactor;

    @Option(names = "--max-steps", description = "fanout --find-max: at most this many steps (default 10)", defaultValue = "10")
    int maxSteps;

    @Option(names = "--max-p99", paramLabel = "<ms>", description = "fanout --find-max: the p99 limit (default 50)", defaultValue = "50")
    double maxP99;

    @Option(names = "--json-out", paramLabel = "FILE", description = "Also append the JSON lines to FILE")
    Path jsonOut;

    @Option(names = "--server-jar", paramLabel = "FILE", description = "Parley's jar (default: parley-server/target/parley.jar, found from the working directory or the bench jar)")
    Path serverJar;

    @Option(names = "--store-dir", paramLabel = "DIR", description = "Where history/search keep the generated store (default: <tmp>/parley-bench/store-<db>-<messages>)")
    Path storeDir;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Server data and logs of this invocation (default: a new temporary folder)")
    Path workDir;

    @Option(names = "--server-jvm-options", paramLabel = "<options>", description = "JVM options of the server under test, space separated (default: none)")
    String serverJvmOptions;

    BenchSettings resolve() {
        if (!List.of("sqlite", "postgres").contains(database)) {
            throw new IllegalArgumentException("--db must be sqlite or postgres, got \"" + database + "\"");
        }
        List<String> targets = switch (target) {
            case "both" -> List.of("ceiling", "parley");
            case "parley", "ceiling" -> List.of(target);
            default -> throw new IllegalArgumentException("--target must be parley, ceiling or both, got \"" + target + "\"");
        };
        BenchSettings settings = new BenchSettings(
                seconds(pick(duration, 2.0, 30.0), "--duration"),
                seconds(pick(duration, 1.0, 30.0), "--duration"),
                seconds(pick(warmup, 0.0, 5.0), "--warmup"),
                positive(pick(rate, 20.0, 1000.0), "--rate"),
                (int) positive(pick(conversations, 5, 200), "--conversations"),
                (int) positive(pick(members, 4, 10), "--members"),
                (int) positive(pick(members, 20, 100), "--members"),
                (int) positive(pick(senders, 1, 1), "--senders"),
                (int) positive(pick(window, 8, 32), "--window"),
                connected == null ? 0 : (int) positive(connected, "--connected"),
                pick(burstMessages, 50L, 0L),
                (int) positive(pick(connections, 50, 10_000), "--connections"),
                pick(ramp, 0, 1_000),
                (int) positive(pick(concurrency, 2, 8), "--concurrency"),
                (long) positive(pick(messages, 2_000L, 1_000_000L), "--messages"),
                database, targets, smoke, findMax, maxSteps, stepFactor, maxP99, jsonOut, serverJar(), storeDir, workDir(),
                serverJvmOptions == null || serverJvmOptions.isBlank() ? List.of()
                        : Arrays.asList(serverJvmOptions.trim().split("\\s+")),
                Duration.ofSeconds(smoke ? 5 : 15));
        if (settings.members() < 2 || settings.burstMembers() < 2) throw new IllegalArgumentException("--members must be at least 2");
        if (!(settings.findMaxFactor() > 1)) throw new IllegalArgumentException("--step-factor must be above 1");
        return settings;
    }

    private <T> T pick(T given, T smokeValue, T fullValue) {
        return given != null ? given : smoke ? smokeValue : fullValue;
    }

    private static Duration seconds(double value, String option) {
        if (value < 0 || value > 86_400) throw new IllegalArgumentException(option + " must be between 0 and 86400 seconds");
        return Duration.ofMillis((long) (value * 1000));
    }

    private static double positive(Number value, String option) {
        if (value.doubleValue() <= 0) throw new IllegalArgumentException(option + " must be above 0, got " + value);
        return value.doubleValue();
    }

    private Path workDir() {
        if (workDir != null) return workDir;
        try {
            return Files.createTempDirectory("parley-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The given jar, else the system property {@code parley.server.jar}, else found near the working directory or this jar. */
    private Path serverJar() {
        if (serverJar != null) return serverJar;
        String property = System.getProperty("parley.server.jar");
        if (property != null) return Path.of(property);
        Path relative = Path.of("parley-server", "target", "parley.jar");
        for (Path base : List.of(Path.of(""), Path.of(".."))) {
            if (Files.isRegularFile(base.resolve(relative))) return base.resolve(relative).toAbsolutePath().normalize();
        }
        try {
            Path self = Path.of(BenchOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // parley-bench/target/parley-bench.jar (or target/classes) → ../../parley-server/target/parley.jar
            Path candidate = self.getParent().getParent().getParent().resolve(relative);
            return candidate.normalize();
        } catch (URISyntaxException | RuntimeException e) {
            return relative.toAbsolutePath();
        }
    }
}
