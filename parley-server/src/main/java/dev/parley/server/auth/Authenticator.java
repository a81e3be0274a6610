package dev.parley.server.auth;

import dev.parley.core.access.Actor;
import dev.parley.core.error.ParleyException;
import dev.parley.core.user.AccountService;
import dev.parley.core.user.ExternalIdentity;
import dev.parley.core.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds who sent a request from its credentials: the platform API key, a Parley access token of
 * an active session, or a host application's token (which provisions its user on first use and
 * refreshes the profile when the claims change). Thread-safe.
 */
public final class Authenticator {
    static final Duration PROVISION_CACHE_TTL = Duration.ofMinutes(5);
    private static final int PROVISION_CACHE_SIZE = 10_000;
    private static final int VERIFIED_CACHE_SIZE = 10_000;

    /** The caller: an actor and, for a built-in login, its session id (else null). */
    public record Identity(Actor actor, String sessionId) {
    }

    /** A verified bearer token: its user, the session of a built-in login (else null) and its expiry. */
    public record Bearer(String userId, String sessionId, Instant expiresAt) {
    }

    private record Provisioned(String userId, Instant until) {
    }

    /** A token whose signature and claims were checked: a Parley access token or a host token. */
    private record Verified(AccessToken own, HostTokenVerifier.HostToken host) {
        Instant expiresAt() {
            return own != null ? own.expiresAt() : host.expiresAt();
        }
    }

    private final TokenService tokens;
    private final HostTokenVerifier hostTokens;
    private final ApiKeys apiKeys;
    private final AccountService accounts;
    private final Clock clock;
    private final Map<ExternalIdentity, Provisioned> provisioned = new ConcurrentHashMap<>();
    private final Map<String, Verified> verifiedTokens = new ConcurrentHashMap<>();

    /** @param hostTokens null when host tokens are not accepted */
    public Authenticator(TokenService tokens, HostTokenVerifier hostTokens, ApiKeys apiKeys, AccountService accounts,
                         Clock clock) {
        this.tokens = tokens;
        this.hostTokens = hostTokens;
        this.apiKeys = apiKeys;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * The caller named by the {@code X-Parley-Api-Key} header or the {@code Authorization} header;
     * 401 when both are missing or invalid.
     */
    public Identity authenticate(String authorization, String apiKey) {
        if (apiKey != null) {
            if (!apiKeys.matches(apiKey)) throw ParleyException.unauthenticated("The API key is not valid");
            return new Identity(Actor.PLATFORM, null);
        }
        if (authorization == null || authorization.isBlank()) {
            throw ParleyException.unauthenticated("Sign in first: send Authorization: Bearer <token>");
        }
        String[] parts = authorization.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
            throw ParleyException.unauthenticated("The Authorization header must be: Bearer <token>");
        }
        return bearer(parts[1]);
    }

    private Identity bearer(String token) {
        Bearer bearer = verifyBearer(token);
        return new Identity(Actor.user(bearer.userId()), bearer.sessionId());
    }

    /**
     * A bearer token alone (a Parley access token of an active session or a host application's
     * token), as WebSocket connections present it; the API key is not a bearer token. 401 when it
     * is missing, invalid or expired.
     */
    public Bearer verifyBearer(String token) {
        if (token == null || token.isBlank()) throw ParleyException.unauthenticated("A token is required");
        Verified verified = verified(token);
        if (verified.own() != null) {
            AccessToken access = verified.own();
            if (!accounts.isSessionActive(access.sessionId(), access.userId())) {
                throw ParleyException.unauthenticated("The session has ended; sign in again");
            }
            return new Bearer(access.userId(), access.sessionId(), access.expiresAt());
        }
        HostTokenVerifier.HostToken host = verified.host();
        return new Bearer(provision(host.identity()), null, host.expiresAt());
    }

    /**
     * The token's signature and claims, checked once and then remembered until the token expires:
     * a token is immutable, so checking it again on every request would only repeat the work. (The
     * session of a Parley token is still checked on every request, so signing out takes effect at
     * once.) 401 for an invalid or expired token.
     */
    private Verified verified(String token) {
        Instant now = clock.instant();
        Verified cached = verifiedTokens.get(token);
        if (cached != null) {
            if (now.isBefore(cached.expiresAt())) return cached;
            verifiedTokens.remove(token);
        }
        Verified fresh;
        var own = tokens.verify(token);
        if (own.isPresent()) {
            fresh = new Verified(own.get(), null);
        } else {
            if (hostTokens == null) throw ParleyException.unauthenticated("The access token is not valid");
            fresh = new Verified(null, hostTokens.verifyToken(token));
        }
        // A host token in its verifier's clock-skew allowance after its expiry passes, but is not kept.
        if (!now.isBefore(fresh.expiresAt())) return fresh;
        if (verifiedTokens.size() >= VERIFIED_CACHE_SIZE) verifiedTokens.clear();
        verifiedTokens.put(token, fresh);
        return fresh;
    }

    private String provision(ExternalIdentity identity) {
        Instant now = clock.instant();
        Provisioned cached = provisioned.get(identity);
        if (cached != null && now.isBefore(cached.until())) return cached.userId();
        User user = accounts.provision(identity);
        if (provisioned.size() >= PROVISION_CACHE_SIZE) provisioned.clear();
        provisioned.put(identity, new Provisioned(user.id(), now.plus(PROVISION_CACHE_TTL)));
        return user.id();
    }
}
