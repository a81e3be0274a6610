package dev.parley.server.cli;

import dev.parley.server.config.ConfigReport;
import dev.parley.server.config.ParleyConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code parley check-config}: validates the settings and prints the effective ones, secrets masked. */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = "Check the settings and print the effective ones (secrets masked). Exit 1 if invalid.")
final class CheckConfigCommand implements Callable<Integer> {
    @ParentCommand
    ParleyCommand parent;

    @Option(names = "--config", paramLabel = "<file>", description = "Properties file with PARLEY_* settings")
    Path configFile;

    @Override
    public Integer call() {
        ParleyConfig config = parent.loadConfig(configFile);
        ConfigReport.effectiveSettings(config).forEach((name, value) -> parent.out.println(name + "=" + value));
        parent.out.println("Configuration OK");
        return ParleyCommand.OK;
    }
}
