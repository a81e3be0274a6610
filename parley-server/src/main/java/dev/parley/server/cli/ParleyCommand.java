package dev.parley.server.cli;

import dev.parley.core.error.FieldError;
import dev.parley.core.error.ParleyException;
import dev.parley.server.config.ConfigException;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.ParleyConfig;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley}: the jar's main class. Without a subcommand it serves; the subcommands migrate
 * the database, create users, print access tokens and check the configuration. Exit codes: 0 ok,
 * 1 bad configuration or input, 2 usage error.
 */
@Command(name = "parley", mixinStandardHelpOptions = true, version = "parley 0.1.0",
        description = "Parley, a self-hosted chat server. Settings come from PARLEY_* environment variables "
                + "and an optional properties file (the environment wins).",
        subcommands = {ServeCommand.class, MigrateCommand.class, UserCommand.class, TokenCommand.class,
                CheckConfigCommand.class})
public final class ParleyCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int BAD_INPUT = 1;

    @Option(names = "--config", paramLabel = "<file>",
            description = "Properties file with PARLEY_* settings (default: $PARLEY_CONFIG_FILE)")
    Path configFile;

    final Map<String, String> env;
    final InputStream stdin;
    final PrintWriter out;
    final PrintWriter err;
    final boolean configureLogging;

    ParleyCommand(Map<String, String> env, InputStream stdin, PrintWriter out, PrintWriter err,
                  boolean configureLogging) {
        this.env = env;
        this.stdin = stdin;
        this.out = out;
        this.err = err;
        this.configureLogging = configureLogging;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.in, System.out, System.err, true));
    }

    /** Runs the command line in this process and returns its exit code. */
    public static int run(String[] args, Map<String, String> env, InputStream stdin, PrintStream out, PrintStream err,
                          boolean configureLogging) {
        PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
        ParleyCommand root = new ParleyCommand(env, stdin, outWriter, errWriter, configureLogging);
        CommandLine commandLine = new CommandLine(root)
                .setOut(outWriter)
                .setErr(errWriter)
                .setExecutionExceptionHandler((e, cmd, parsed) -> root.fail(e));
        try {
            return commandLine.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /** No subcommand: serve. */
    @Override
    public Integer call() {
        return new ServeCommand().run(this, null);
    }

    /** The settings, from the subcommand's --config, else this command's, else $PARLEY_CONFIG_FILE. */
    ParleyConfig loadConfig(Path subcommandConfigFile) {
        return ConfigLoader.load(env, subcommandConfigFile != null ? subcommandConfigFile : configFile);
    }

    void setUpLogging(ParleyConfig config, boolean forServer) {
        if (configureLogging) LogSetup.apply(config.logFormat(), forServer);
    }

    private int fail(Exception e) {
        switch (e) {
            case ConfigException c -> {
                err.println("Invalid configuration:");
                c.problems().forEach(p -> err.println("  " + p));
            }
            case ParleyException p -> {
                err.println(p.getMessage());
                for (FieldError detail : p.details()) err.println("  " + detail.field() + ": " + detail.message());
            }
            case IllegalArgumentException a -> err.println(a.getMessage());
            default -> {
                err.println("Failed: " + e);
                return CommandLine.ExitCode.SOFTWARE;
            }
        }
        return BAD_INPUT;
    }
}
