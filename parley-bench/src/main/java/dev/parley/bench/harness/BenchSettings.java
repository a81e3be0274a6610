package dev.parley.bench.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The resolved options of one bench invocation (smoke mode has already replaced every option
 * the user did not give with its tiny smoke value).
 *
 * @param shortDuration the measured time of history, search and the connections hold: the duration,
 *                      except in smoke mode, where it is 1 s unless a duration was given
 * @param members       members per conversation for fan-out and connections; {@code burstMembers} for burst
 * @param rate          fan-out's offered load, messages per second over all senders
 * @param window        burst's messages in flight
 * @param burstConnected burst's members connected, the sender first (0: all)
 * @param burstMessages burst stops after this many messages (0: only the duration bounds it)
 * @param concurrency   concurrent clients of the REST workloads (history, search, rest-send)
 * @param storeMessages messages in the generated store of history and search
 * @param findMaxSteps  at most this many rate steps in {@code --find-max}
 * @param findMaxFactor the rate of a {@code --find-max} step over the one before
 */
public record BenchSettings(
        Duration duration,
        Duration shortDuration,
        Duration warmup,
        double rate,
        int conversations,
        int members,
        int burstMembers,
        int senders,
        int window,
        int burstConnected,
        long burstMessages,
        int connections,
        int rampPerSecond,
        int concurrency,
        long storeMessages,
        String database,
        List<String> targets,
        boolean smoke,
        boolean findMax,
        int findMaxSteps,
        double findMaxFactor,
        double findMaxP99Millis,
        Path jsonOut,
        Path serverJar,
        Path storeDir,
        Path workDir,
        List<String> serverJvmOptions,
        Duration drain) {

    public BenchSettings {
        targets = List.copyOf(targets);
        serverJvmOptions = List.copyOf(serverJvmOptions);
    }

    /** The store folder for this database and size: the given one, or a shared one under the temp folder. */
    public Path storeFolder() {
        if (storeDir != null) return storeDir;
        return Path.of(System.getProperty("java.io.tmpdir"), "parley-bench", "store-" + database + "-" + storeMessages);
    }
}
