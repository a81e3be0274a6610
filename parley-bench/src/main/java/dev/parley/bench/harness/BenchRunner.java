package dev.parley.bench.harness;

import dev.parley.bench.store.StoreGenerator;
import dev.parley.bench.store.StoreLayout;
import dev.parley.bench.workload.BurstWorkload;
import dev.parley.bench.workload.ConnectionsWorkload;
import dev.parley.bench.workload.FanoutWorkload;
import dev.parley.bench.workload.RestSendWorkload;
import dev.parley.bench.workload.StoreWorkloads;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Runs workloads against the targets: for each target (the ceiling first, so Parley's figures can
 * be set against it) one server for the workloads that write (fanout, burst, rest-send), one of its
 * own for connections (fresh, with the fixed heap settings of {@link ConnectionsWorkload#SERVER_JVM_OPTIONS},
 * so its memory figures do not depend on what ran before) and one on the generated store for history
 * and search, so measured runs never change the reused store (smoke runs use the store's server for
 * everything: they measure nothing). Prints one JSON line per run
 * to {@code out} (and appends it to {@code --json-out}), then the Markdown tables; progress goes to
 * {@code err}.
 */
public final class BenchRunner {
    /** Every workload, in the order {@code all} runs them. */
    public static final List<String> WORKLOADS = List.of(FanoutWorkload.NAME, BurstWorkload.NAME,
            ConnectionsWorkload.NAME, RestSendWorkload.NAME, StoreWorkloads.HISTORY, StoreWorkloads.SEARCH);
    private static final List<String> STORE_WORKLOADS = List.of(StoreWorkloads.HISTORY, StoreWorkloads.SEARCH);

    private final BenchSettings settings;
    private final PrintStream out;
    private final PrintStream err;

    public BenchRunner(BenchSettings settings, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    /** Runs {@code workloads} (names of {@link #WORKLOADS}) and returns every run's result. */
    public List<RunResult> run(List<String> workloads) {
        List<String> writing = workloads.stream().filter(w -> !STORE_WORKLOADS.contains(w)).toList();
        boolean connections = !settings.smoke() && writing.contains(ConnectionsWorkload.NAME);
        List<String> shared = connections ? writing.stream().filter(w -> !w.equals(ConnectionsWorkload.NAME)).toList() : writing;
        List<String> reading = workloads.stream().filter(STORE_WORKLOADS::contains).toList();
        List<String> targets = settings.targets().stream()
                .sorted(Comparator.comparing(t -> t.equals(TargetServer.CEILING) ? 0 : 1)).toList();
        List<RunResult> results = new ArrayList<>();
        try {
            Files.createDirectories(settings.workDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StoreWorkloads.Store store = reading.isEmpty() ? null : prepareStore(targets);
        for (String target : targets) {
            if (settings.smoke() && !writing.isEmpty() && !reading.isEmpty()) {
                // Smoke runs check correctness only: one server on the store does everything, sooner.
                List<String> every = new ArrayList<>(writing);
                every.addAll(reading);
                results.addAll(runOn(target, settings.storeFolder(), every, store, settings.serverJvmOptions()));
                continue;
            }
            if (!shared.isEmpty()) results.addAll(runOnFreshData(target, shared, settings.serverJvmOptions()));
            if (connections) {
                List<String> options = new ArrayList<>(ConnectionsWorkload.SERVER_JVM_OPTIONS);
                options.addAll(settings.serverJvmOptions()); // given later, so the caller's options win
                results.addAll(runOnFreshData(target, List.of(ConnectionsWorkload.NAME), options));
            }
            if (!reading.isEmpty()) results.addAll(runOn(target, settings.storeFolder(), reading, store, settings.serverJvmOptions()));
        }
        compare(results);
        for (RunResult result : results) {
            String line = result.toJsonLine();
            out.println(line);
            appendJson(line);
        }
        out.println(MarkdownReport.render(results));
        out.flush();
        return results;
    }

    /**
     * {@link #runOn} with a new data directory in the work directory, deleted once the server
     * stopped: the writing workloads' data is of no use afterwards, and a run leaves hundreds of
     * megabytes (the server logs stay in the work directory).
     */
    private List<RunResult> runOnFreshData(String target, List<String> workloads, List<String> jvmOptions) {
        Path dataDir = settings.workDir().resolve(target + "-data-" + System.nanoTime());
        try {
            return runOn(target, dataDir, workloads, null, jvmOptions);
        } finally {
            try {
                Folders.delete(dataDir);
            } catch (IOException | UncheckedIOException e) {
                err.println("Could not delete the server data in " + dataDir + ": " + e);
            }
        }
    }

    /**
     * Starts one server of {@code target} on {@code dataDir} (Parley: with its database there) with
     * {@code jvmOptions} and runs {@code workloads} on it in turn; a workload that fails to run
     * becomes a result with the error.
     */
    private List<RunResult> runOn(String target, Path dataDir, List<String> workloads, StoreWorkloads.Store store,
                                  List<String> jvmOptions) {
        List<RunResult> results = new ArrayList<>();
        BenchDatabase database = target.equals(TargetServer.PARLEY) ? BenchDatabase.open(settings.database(), dataDir) : null;
        try (TargetServer server = start(target, dataDir, database, jvmOptions)) {
            for (String workload : workloads) {
                err.println("Running " + workload + " against " + target + " …");
                List<RunResult> produced;
                try {
                    produced = switch (workload) {
                        case FanoutWorkload.NAME -> FanoutWorkload.run(server, settings, workload);
                        case BurstWorkload.NAME -> List.of(BurstWorkload.run(server, settings, workload));
                        case ConnectionsWorkload.NAME -> List.of(ConnectionsWorkload.run(server, settings, workload));
                        case RestSendWorkload.NAME -> List.of(RestSendWorkload.run(server, settings, workload));
                        case StoreWorkloads.HISTORY -> List.of(StoreWorkloads.history(server, settings, store));
                        case StoreWorkloads.SEARCH -> List.of(StoreWorkloads.search(server, settings, store));
                        default -> throw new IllegalArgumentException("Unknown workload " + workload);
                    };
                } catch (RuntimeException e) {
                    produced = List.of(didNotRun(workload, target, e));
                }
                if (!server.isAlive()) {
                    produced.forEach(r -> r.problem("the server died; its log:\n" + server.logTail()));
                }
                results.addAll(produced);
            }
        } finally {
            if (database != null) database.close();
        }
        return results;
    }

    /** A run that failed before it could measure: its error is its problem. */
    private RunResult didNotRun(String workload, String target, RuntimeException e) {
        err.println(workload + " against " + target + " failed: " + e);
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return new RunResult(workload, target, settings.database(), settings.smoke())
                .problem("did not run: " + e.getMessage() + (root == e ? "" : " (" + root + ")"));
    }

    /** Generates the store once (or reuses it) when Parley is a target; the ceiling needs only its shape. */
    public StoreWorkloads.Store prepareStore(List<String> targets) {
        StoreLayout layout = StoreLayout.forMessages(settings.storeMessages());
        Path folder = settings.storeFolder();
        if (!targets.contains(TargetServer.PARLEY)) {
            List<String> ids = StoreGenerator.isReady(folder, layout, settings.database())
                    ? StoreGenerator.conversationIds(folder)
                    : IntStream.range(0, layout.conversations()).mapToObj(c -> "c_" + c).toList();
            return new StoreWorkloads.Store(layout, ids);
        }
        if (!StoreGenerator.isReady(folder, layout, settings.database())) {
            err.printf("Generating a store of %,d messages in %s …%n", layout.messages(), folder);
            deleteDatabaseFiles(folder);
        }
        try (BenchDatabase database = BenchDatabase.open(settings.database(), folder)) {
            StoreGenerator.ensure(folder, layout, settings.database(), database.settings(), err::println);
        }
        return new StoreWorkloads.Store(layout, StoreGenerator.conversationIds(folder));
    }

    private static void deleteDatabaseFiles(Path folder) {
        try (Stream<Path> files = Files.exists(folder) ? Files.list(folder) : Stream.empty()) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().startsWith("parley.db")) Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TargetServer start(String target, Path dataDir, BenchDatabase database, List<String> jvmOptions) {
        err.println("Starting " + target + (jvmOptions.isEmpty() ? "" : " with " + String.join(" ", jvmOptions)) + " …");
        return target.equals(TargetServer.PARLEY) ? TargetServer.parley(settings, dataDir, database, jvmOptions)
                : TargetServer.ceiling(settings, jvmOptions);
    }

    /** Sets each Parley run against the ceiling run of the same workload (and step). */
    private static void compare(List<RunResult> results) {
        for (RunResult parley : results) {
            if (!parley.target().equals(TargetServer.PARLEY)) continue;
            for (RunResult ceiling : results) {
                if (ceiling.target().equals(TargetServer.CEILING) && ceiling.workload().equals(parley.workload())
                        && java.util.Objects.equals(ceiling.parameters().get("step"), parley.parameters().get("step"))) {
                    parley.compareWith(ceiling);
                }
            }
        }
    }

    private void appendJson(String line) {
        if (settings.jsonOut() == null) return;
        try {
            Path parent = settings.jsonOut().toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(settings.jsonOut(), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + settings.jsonOut(), e);
        }
    }
}
