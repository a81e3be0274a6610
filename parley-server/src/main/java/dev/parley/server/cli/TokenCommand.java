package dev.parley.server.cli;

import dev.parley.core.error.ParleyException;
import dev.parley.core.user.Session;
import dev.parley.core.user.User;
import dev.parley.server.Backend;
import dev.parley.server.auth.TokenService;
import dev.parley.server.config.Durations;
import dev.parley.server.config.ParleyConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code parley token}: starts a login session for a user and prints an access token for it, for
 * scripts and testing. The session is listed among the user's sessions and can be revoked.
 */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Print an access token for a user.")
final class TokenCommand implements Callable<Integer> {
    @ParentCommand
    ParleyCommand parent;

    @Option(names = "--config", paramLabel = "<file>", description = "Properties file with PARLEY_* settings")
    Path configFile;

    @Option(names = "--username", required = true, description = "Whose token")
    String username;

    @Option(names = "--ttl", defaultValue = "1h", description = "How long the token is valid, e.g. 30m, 1h, 7d (default: ${DEFAULT-VALUE})")
    String ttl;

    @Override
    public Integer call() {
        ParleyConfig config = parent.loadConfig(configFile);
        parent.setUpLogging(config, false);
        Duration lifetime;
        try {
            lifetime = Durations.parse(ttl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--ttl " + e.getMessage());
        }
        if (lifetime.isZero() || lifetime.compareTo(Duration.ofDays(365)) > 0) {
            throw new IllegalArgumentException("--ttl must be above 0 and at most 365d, got \"" + ttl + "\"");
        }
        try (Backend backend = Backend.open(config)) {
            User user = backend.services().ports().users().findByUsername(username.toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> ParleyException.notFound("User " + username));
            TokenService tokens = backend.tokens();
            Session session = backend.services().accounts().startSession(user.id(),
                    TokenService.hashRefreshToken(tokens.newRefreshToken()), "parley token (command line)", lifetime);
            parent.out.println(tokens.accessToken(user.id(), session.id(), lifetime));
        }
        return ParleyCommand.OK;
    }
}
