package dev.parley.server;

import dev.parley.core.Ports;
import dev.parley.core.port.MembershipIndex;
import dev.parley.core.presence.PresenceRules;
import dev.parley.core.presence.PresenceService;
import dev.parley.core.typing.TypingRules;
import dev.parley.core.typing.TypingService;
import dev.parley.server.auth.ApiKeys;
import dev.parley.server.auth.Argon2PasswordHasher;
import dev.parley.server.auth.Authenticator;
import dev.parley.server.auth.HostTokenVerifier;
import dev.parley.server.auth.ServerSecret;
import dev.parley.server.auth.TokenService;
import dev.parley.server.bus.InProcessEventBus;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.id.TimeOrderedIdSource;
import dev.parley.server.presence.InProcessPresenceStore;
import dev.parley.server.presence.InProcessTypingStore;
import dev.parley.server.ratelimit.InProcessRateLimiter;
import dev.parley.store.DatabaseSettings;
import dev.parley.store.JdbcStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/**
 * Everything behind the transports, wired by hand from the config: the migrated database, the
 * single-node adapters (event bus, ids, rate limits, Argon2, presence, typing), the domain
 * services, tokens and authentication. The server and the command-line tools share it.
 */
public final class Backend implements AutoCloseable {
    private final ParleyConfig config;
    private final JdbcStores stores;
    private final InProcessEventBus bus;
    private final Services services;
    private final TokenService tokens;
    private final Authenticator authenticator;
    private final PresenceService presence;
    private final TypingService typing;

    private Backend(ParleyConfig config, JdbcStores stores, InProcessEventBus bus, Services services, TokenService tokens,
                    Authenticator authenticator) {
        this.config = config;
        this.stores = stores;
        this.bus = bus;
        this.services = services;
        this.tokens = tokens;
        this.authenticator = authenticator;
        Ports ports = services.ports();
        this.presence = new PresenceService(new InProcessPresenceStore(), stores.lastSeen(), stores.membershipIndex(),
                ports.clock(), new PresenceRules(config.realtime().presenceIdle(), config.realtime().presenceGrace()));
        this.typing = new TypingService(ports, new InProcessTypingStore(), TypingRules.DEFAULTS);
    }

    /** Opens and migrates the database and builds the services, on the system clock. */
    public static Backend open(ParleyConfig config) {
        return open(config, Clock.systemUTC());
    }

    /** Times are kept to the millisecond, as the stores keep them, so an answer equals a later read. */
    public static Backend open(ParleyConfig config, Clock clock) {
        clock = Clock.tick(clock, java.time.Duration.ofMillis(1));
        SecureRandom random = new SecureRandom();
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + config.dataDir(), e);
        }
        byte[] secret = ServerSecret.resolve(config.jwtSecret(), config.dataDir(), random);
        HostTokenVerifier hostTokens = config.hostTokensEnabled()
                ? HostTokenVerifier.create(config.hostJwtSecret(), config.hostJwtJwks(), config.hostJwtIssuer(),
                config.hostJwtAudience())
                : null;
        JdbcStores stores = JdbcStores.open(new DatabaseSettings(config.databaseUrl(), config.databaseUser(),
                config.databasePassword(), config.databasePoolSize()));
        InProcessEventBus bus = null;
        try {
            stores.migrate();
            bus = new InProcessEventBus();
            Ports ports = new Ports(stores.transactor(), stores.users(), stores.sessions(), stores.conversations(),
                    stores.messages(), stores.eventLog(), bus, new TimeOrderedIdSource(clock, random), clock,
                    new InProcessRateLimiter(config.rateLimits()), new Argon2PasswordHasher(), config.limits());
            Services services = Services.of(ports);
            TokenService tokens = new TokenService(secret, config.accessTokenTtl(), clock, random);
            Authenticator authenticator = new Authenticator(tokens, hostTokens, new ApiKeys(config.apiKeys()),
                    services.accounts(), clock);
            return new Backend(config, stores, bus, services, tokens, authenticator);
        } catch (RuntimeException e) {
            if (bus != null) bus.close(Duration.ZERO);
            stores.close();
            throw e;
        }
    }

    public ParleyConfig config() {
        return config;
    }

    public Services services() {
        return services;
    }

    public TokenService tokens() {
        return tokens;
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    /** Presence (single node: in memory; last-seen times in the database). */
    public PresenceService presence() {
        return presence;
    }

    /** Typing indicators (single node: in memory). */
    public TypingService typing() {
        return typing;
    }

    /** Membership lookups of the real-time transport. */
    public MembershipIndex memberships() {
        return stores.membershipIndex();
    }

    /** True if the database answers. */
    public boolean isHealthy() {
        return stores.isHealthy();
    }

    /** Delivers the events still queued (briefly), then closes the connection pool. */
    @Override
    public void close() {
        try {
            bus.close(Duration.ofSeconds(2));
        } finally {
            stores.close();
        }
    }
}
