package dev.parley.server.cli;

import dev.parley.server.config.ConfigReport;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.config.Setting;
import dev.parley.store.DatabaseSettings;
import dev.parley.store.JdbcStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code parley migrate}: brings the database schema up to date and exits. */
@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply the database migrations and exit.")
final class MigrateCommand implements Callable<Integer> {
    @ParentCommand
    ParleyCommand parent;

    @Option(names = "--config", paramLabel = "<file>", description = "Properties file with PARLEY_* settings")
    Path configFile;

    @Override
    public Integer call() {
        ParleyConfig config = parent.loadConfig(configFile);
        parent.setUpLogging(config, false);
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + config.dataDir(), e);
        }
        try (JdbcStores stores = JdbcStores.open(new DatabaseSettings(config.databaseUrl(), config.databaseUser(),
                config.databasePassword(), config.databasePoolSize()))) {
            stores.migrate();
        }
        parent.out.println("Database is up to date: "
                + ConfigReport.effectiveSettings(config).get(Setting.DATABASE_URL));
        return ParleyCommand.OK;
    }
}
