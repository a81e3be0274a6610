package dev.parley.server.cli;

import dev.parley.server.ParleyServer;
import dev.parley.server.config.ParleyConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code parley serve}: migrates the database and serves until the process is told to stop. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the server (the default).")
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    ParleyCommand parent;

    @Option(names = "--config", paramLabel = "<file>", description = "Properties file with PARLEY_* settings")
    Path configFile;

    @Override
    public Integer call() {
        return run(parent, configFile);
    }

    int run(ParleyCommand root, Path file) {
        ParleyConfig config = root.loadConfig(file);
        root.setUpLogging(config, true);
        ParleyServer server = new ParleyServer(config).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "parley-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop();
        }
        return ParleyCommand.OK;
    }
}
