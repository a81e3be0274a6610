package dev.parley.bench;

import dev.parley.bench.harness.BenchRunner;
import dev.parley.bench.harness.BenchSettings;
import dev.parley.bench.harness.RunResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code parley-bench}: the load generator. One subcommand per workload plus {@code all}; each
 * starts the servers under test as separate JVMs on 127.0.0.1, runs for a bounded time and prints
 * one JSON line per run and Markdown tables. Exit codes: 0 every run correct, 1 a run saw lost,
 * duplicated or failed messages or pages (or failed to run), 2 usage error. See docs/performance.md.
 */
@Command(name = "parley-bench", mixinStandardHelpOptions = true, version = "parley-bench 0.1.0",
        description = "Load generator for Parley: fan-out, burst, connections, history, search and REST send, "
                + "against Parley and the ceiling server (the same HTTP/WebSocket stack without a database).",
        subcommands = {BenchCommand.Fanout.class, BenchCommand.Burst.class, BenchCommand.Connections.class,
                BenchCommand.History.class, BenchCommand.Search.class, BenchCommand.RestSend.class,
                BenchCommand.All.class, BenchCommand.GenerateStore.class, BenchCommand.Jmh.class})
public final class BenchCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;

    /** The results of the last invocation, for callers in the same JVM (the smoke test). */
    private final List<RunResult> results = new ArrayList<>();
    private final PrintStream out;
    private final PrintStream err;

    BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new BenchCommand(System.out, System.err).execute(args));
    }

    /** Runs a command line in this JVM and returns its exit code. */
    public int execute(String... args) {
        quietLogging();
        CommandLine commandLine = new CommandLine(this);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("Failed: " + (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                    ? e.getMessage() : e.toString()));
            if (!(e instanceof IllegalArgumentException)) e.printStackTrace(err);
            return FAILED;
        });
        return commandLine.execute(args);
    }

    /** Every run of the last {@link #execute}. */
    public List<RunResult> results() {
        return List.copyOf(results);
    }

    /** Library logging goes to stderr at WARN, so stdout carries only the results. */
    static void quietLogging() {
        System.setProperty("parley.log.target", "System.err");
        System.setProperty("parley.log.level", "WARN");
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(out);
        return OK;
    }

    int runWorkloads(BenchOptions options, List<String> workloads) {
        BenchSettings settings = options.resolve();
        List<RunResult> produced = new BenchRunner(settings, out, err).run(workloads);
        results.clear();
        results.addAll(produced);
        boolean ok = produced.stream().allMatch(RunResult::ok);
        if (!ok) err.println("Some runs were not correct; see \"problems\" above. Server logs are in " + settings.workDir());
        return ok ? OK : FAILED;
    }

    abstract static class WorkloadCommand implements Callable<Integer> {
        @CommandLine.ParentCommand
        BenchCommand parent;

        @Mixin
        BenchOptions options;

        abstract String workload();

        @Override
        public Integer call() {
            return parent.runWorkloads(options, List.of(workload()));
        }
    }

    @Command(name = "fanout", mixinStandardHelpOptions = true,
            description = "R conversations × M members; S senders each send open-loop at a fixed total rate.")
    static final class Fanout extends WorkloadCommand {
        String workload() {
            return "fanout";
        }
    }

    @Command(name = "burst", mixinStandardHelpOptions = true,
            description = "One conversation of M members; one sender keeps W messages in flight.")
    static final class Burst extends WorkloadCommand {
        String workload() {
            return "burst";
        }
    }

    @Command(name = "connections", mixinStandardHelpOptions = true,
            description = "Open N authenticated, resumed, idle connections; report memory per connection "
                    + "(on a fresh server started with -Xmx512m -XX:+UseCompactObjectHeaders, then --server-jvm-options).")
    static final class Connections extends WorkloadCommand {
        String workload() {
            return "connections";
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "50-message pages (newest, middle, oldest) from a generated store, over REST.")
    static final class History extends WorkloadCommand {
        String workload() {
            return "history";
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true, description = "Typical searches over a generated store, over REST.")
    static final class Search extends WorkloadCommand {
        String workload() {
            return "search";
        }
    }

    @Command(name = "rest-send", mixinStandardHelpOptions = true,
            description = "Messages per second through the REST send endpoint, keep-alive connections.")
    static final class RestSend extends WorkloadCommand {
        String workload() {
            return "rest-send";
        }
    }

    @Command(name = "all", mixinStandardHelpOptions = true, description = "Every workload, one server per target for the writing ones.")
    static final class All implements Callable<Integer> {
        @CommandLine.ParentCommand
        BenchCommand parent;

        @Mixin
        BenchOptions options;

        @Override
        public Integer call() {
            return parent.runWorkloads(options, BenchRunner.WORKLOADS);
        }
    }

    @Command(name = "generate-store", mixinStandardHelpOptions = true,
            description = "Generate (or confirm) the history/search store without running anything.")
    static final class GenerateStore implements Callable<Integer> {
        @CommandLine.ParentCommand
        BenchCommand parent;

        @Mixin
        BenchOptions options;

        @Override
        public Integer call() {
            BenchSettings settings = options.resolve();
            new BenchRunner(settings, parent.out, parent.err).prepareStore(List.of("parley"));
            parent.out.println(settings.storeFolder());
            return OK;
        }
    }

    @Command(name = "jmh", description = "Run the JMH micro-benchmarks; arguments go to JMH (e.g. -f 1 -wi 3 -i 5 Codec).")
    static final class Jmh implements Callable<Integer> {
        @CommandLine.Unmatched
        List<String> arguments = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            org.openjdk.jmh.Main.main(arguments.toArray(String[]::new));
            return OK;
        }
    }
}
