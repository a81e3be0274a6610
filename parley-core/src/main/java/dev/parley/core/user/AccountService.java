package dev.parley.core.user;

import dev.parley.core.Ports;
import dev.parley.core.error.ParleyException;
import dev.parley.core.error.Validation;
import dev.parley.core.support.RateLimits;
import static dev.parley.core.support.Inputs.emptyToNull;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Accounts: registration and password login of built-in accounts, provisioning of host-app
 * users, profiles, directory search, blocks and login sessions. Tokens are the transport's job.
 * Thread-safe.
 */
public final class AccountService {
    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 256;

    private final Ports ports;

    public AccountService(Ports ports) {
        this.ports = ports;
    }

    public User register(String username, String password, String displayName, String email) {
        String normalized = username == null ? null : username.toLowerCase(Locale.ROOT);
        new Validation()
                .requireText(normalized, "username", 3, 32)
                .matches(normalized, USERNAME, "username", "may contain only letters, digits, '.', '_' and '-'")
                .requireText(password, "password", MIN_PASSWORD, MAX_PASSWORD)
                .optionalText(displayName, "displayName", 100)
                .optionalText(email, "email", 254)
                .matches(emptyToNull(email), EMAIL, "email", "is not an email address")
                .throwIfInvalid();
        String hash = ports.passwords().hash(password);
        User user = new User(ports.ids().next("u"), normalized,
                displayName == null || displayName.isBlank() ? normalized : displayName.strip(),
                emptyToNull(email), null, null, null, now());
        ports.tx().write(() -> {
            if (ports.users().findByUsername(normalized).isPresent()) {
                throw ParleyException.conflict("The username is taken");
            }
            ports.users().insert(user, hash);
            return null;
        });
        return user;
    }

    /** Checks a username and password; the same 401 for an unknown user and a wrong password. */
    public User authenticate(String username, String password) {
        RateLimits.check(ports.rateLimiter(), RateLimits.LOGIN, username == null ? "" : username.toLowerCase(Locale.ROOT));
        if (username == null || password == null || password.length() > MAX_PASSWORD) {
            throw badCredentials();
        }
        User user = ports.users().findByUsername(username.toLowerCase(Locale.ROOT)).orElse(null);
        String hash = user == null ? null : ports.users().passwordHash(user.id()).orElse(null);
        if (hash == null || !ports.passwords().verify(password, hash)) {
            throw badCredentials();
        }
        return user;
    }

    /** Changes the password and ends every other session of the user. */
    public void changePassword(String userId, String currentPassword, String newPassword, String keepSessionId) {
        new Validation().requireText(newPassword, "newPassword", MIN_PASSWORD, MAX_PASSWORD).throwIfInvalid();
        String hash = ports.users().passwordHash(userId)
                .orElseThrow(() -> ParleyException.forbidden("This account signs in through the host application"));
        if (currentPassword == null || !ports.passwords().verify(currentPassword, hash)) {
            throw ParleyException.invalid("currentPassword", "is not the current password");
        }
        String newHash = ports.passwords().hash(newPassword);
        ports.tx().write(() -> {
            ports.users().setPasswordHash(userId, newHash);
            for (Session session : ports.sessions().listActive(userId, now())) {
                if (!session.id().equals(keepSessionId)) ports.sessions().revoke(session.id(), now());
            }
            return null;
        });
    }

    /** Finds the user a host token names, creating it on first use and refreshing changed claims. */
    public User provision(ExternalIdentity identity) {
        new Validation()
                .requireText(identity.subject(), "sub", 1, 200)
                .optionalText(identity.name(), "name", 100)
                .optionalText(identity.email(), "email", 254)
                .optionalText(identity.avatarUrl(), "avatar", 2_000)
                .throwIfInvalid();
        return ports.tx().write(() -> {
            User existing = ports.users().findByExternalId(identity.subject()).orElse(null);
            if (existing == null) {
                User user = new User(ports.ids().next("u"), uniqueUsername(identity), displayName(identity),
                        emptyToNull(identity.email()), emptyToNull(identity.avatarUrl()), null, identity.subject(), now());
                ports.users().insert(user, null);
                return user;
            }
            User updated = existing
                    .withProfile(identity.name() == null ? existing.displayName() : displayName(identity),
                            identity.avatarUrl() == null ? existing.avatarUrl() : emptyToNull(identity.avatarUrl()),
                            existing.statusText())
                    .withEmail(identity.email() == null ? existing.email() : emptyToNull(identity.email()));
            if (!updated.equals(existing)) ports.users().update(updated);
            return updated;
        });
    }

    public User get(String userId) {
        return ports.users().findById(userId).orElseThrow(() -> ParleyException.notFound("User"));
    }

    public User updateProfile(String userId, ProfileUpdate update) {
        new Validation()
                .optionalText(update.displayName(), "displayName", 100)
                .require(update.displayName() == null || !update.displayName().isBlank(), "displayName", "must not be blank")
                .optionalText(update.avatarUrl(), "avatarUrl", 2_000)
                .matches(emptyToNull(update.avatarUrl()), URL, "avatarUrl", "must be an http(s) URL")
                .optionalText(update.statusText(), "statusText", 200)
                .optionalText(update.email(), "email", 254)
                .matches(emptyToNull(update.email()), EMAIL, "email", "is not an email address")
                .throwIfInvalid();
        return ports.tx().write(() -> {
            User user = get(userId);
            User updated = user.withProfile(
                            update.displayName() == null ? user.displayName() : update.displayName().strip(),
                            update.avatarUrl() == null ? user.avatarUrl() : emptyToNull(update.avatarUrl()),
                            update.statusText() == null ? user.statusText() : emptyToNull(update.statusText()))
                    .withEmail(update.email() == null ? user.email() : emptyToNull(update.email()));
            ports.users().update(updated);
            return updated;
        });
    }

    public List<User> search(String userId, String query, int limit) {
        new Validation().requireText(query, "q", 1, 100).throwIfInvalid();
        return ports.users().search(query.strip(), userId, Math.clamp(limit, 1, ports.limits().maxPageSize()));
    }

    public void block(String userId, String otherId) {
        if (userId.equals(otherId)) throw ParleyException.invalid("userId", "you cannot block yourself");
        ports.tx().write(() -> {
            get(otherId);
            if (!ports.users().blockedBy(userId).contains(otherId)) ports.users().block(userId, otherId, now());
            return null;
        });
    }

    public void unblock(String userId, String otherId) {
        ports.users().unblock(userId, otherId);
    }

    public List<User> blocked(String userId) {
        List<String> ids = ports.users().blockedBy(userId);
        var byId = ports.users().findByIds(ids).stream()
                .collect(java.util.stream.Collectors.toMap(User::id, u -> u));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    // --- sessions ---

    public Session startSession(String userId, String refreshTokenHash, String userAgent, Duration lifetime) {
        Instant now = now();
        Session session = new Session(ports.ids().next("s"), userId, refreshTokenHash,
                userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 300)),
                now, now, now.plus(lifetime), null);
        ports.sessions().insert(session);
        return session;
    }

    /** Swaps a refresh token for a new one; a used, revoked or expired token gets 401. */
    public Session rotateSession(String refreshTokenHash, String newHash, Duration lifetime) {
        Instant now = now();
        return ports.tx().write(() -> {
            Session session = ports.sessions().findByRefreshTokenHash(refreshTokenHash)
                    .filter(s -> s.isActive(now))
                    .orElseThrow(() -> ParleyException.unauthenticated("The refresh token is not valid"));
            if (!ports.sessions().rotate(session.id(), refreshTokenHash, newHash, now, now.plus(lifetime))) {
                throw ParleyException.unauthenticated("The refresh token is not valid");
            }
            return ports.sessions().findById(session.id()).orElseThrow();
        });
    }

    /** True if the session exists, belongs to the user and is active. */
    public boolean isSessionActive(String sessionId, String userId) {
        return ports.sessions().findById(sessionId)
                .filter(s -> s.userId().equals(userId) && s.isActive(now()))
                .isPresent();
    }

    public List<Session> sessions(String userId) {
        return ports.sessions().listActive(userId, now());
    }

    public void revokeSession(String userId, String sessionId) {
        ports.tx().write(() -> {
            Session session = ports.sessions().findById(sessionId)
                    .filter(s -> s.userId().equals(userId))
                    .orElseThrow(() -> ParleyException.notFound("Session"));
            ports.sessions().revoke(session.id(), now());
            return null;
        });
    }

    private String uniqueUsername(ExternalIdentity identity) {
        String base = (identity.name() == null ? "user" : identity.name()).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", ".").replaceAll("^[._-]+|[._-]+$", "");
        if (base.length() < 3) base = "user";
        base = base.substring(0, Math.min(base.length(), 24));
        String candidate = base;
        for (int i = 2; ports.users().findByUsername(candidate).isPresent(); i++) {
            candidate = base + "-" + i;
        }
        return candidate;
    }

    private static String displayName(ExternalIdentity identity) {
        return identity.name() == null || identity.name().isBlank() ? "User " + identity.subject() : identity.name().strip();
    }

    private Instant now() {
        return ports.clock().instant();
    }

    private static ParleyException badCredentials() {
        return ParleyException.unauthenticated("The username or password is wrong");
    }
}
