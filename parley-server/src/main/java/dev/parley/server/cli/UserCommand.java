package dev.parley.server.cli;

import dev.parley.core.user.User;
import dev.parley.server.Backend;
import dev.parley.server.config.ParleyConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code parley user}: manages built-in accounts. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage user accounts.",
        subcommands = UserCommand.Create.class)
final class UserCommand {
    @ParentCommand
    ParleyCommand parent;

    /** {@code parley user create}: registers a built-in account. */
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a user with a password.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        UserCommand user;

        @Option(names = "--config", paramLabel = "<file>", description = "Properties file with PARLEY_* settings")
        Path configFile;

        @Option(names = "--username", required = true, description = "Login name: 3-32 of a-z 0-9 . _ -")
        String username;

        @ArgGroup(exclusive = true, multiplicity = "1")
        PasswordSource password;

        @Option(names = "--display-name", description = "Name shown to others (default: the username)")
        String displayName;

        @Option(names = "--email", description = "Email address")
        String email;

        static final class PasswordSource {
            @Option(names = "--password", description = "The password (visible in the process list; prefer --password-stdin)")
            String value;

            @Option(names = "--password-stdin", description = "Read the password from the first line of standard input")
            boolean fromStdin;
        }

        @Override
        public Integer call() {
            ParleyCommand root = user.parent;
            ParleyConfig config = root.loadConfig(configFile);
            root.setUpLogging(config, false);
            String secret = password.fromStdin ? readLine(root) : password.value;
            try (Backend backend = Backend.open(config)) {
                User created = backend.services().accounts().register(username, secret, displayName, email);
                root.out.println("Created user " + created.username() + " (" + created.id() + ")");
            }
            return ParleyCommand.OK;
        }

        private static String readLine(ParleyCommand root) {
            try {
                String line = new BufferedReader(new InputStreamReader(root.stdin, StandardCharsets.UTF_8)).readLine();
                if (line == null) throw new IllegalArgumentException("No password on standard input");
                return line;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the password from standard input", e);
            }
        }
    }
}
