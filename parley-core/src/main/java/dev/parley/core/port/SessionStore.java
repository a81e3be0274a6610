package dev.parley.core.port;

import dev.parley.core.user.Session;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Login sessions and their refresh-token hashes. Thread-safe; joins the caller's transaction. */
public interface SessionStore {
    void insert(Session session);

    Optional<Session> findById(String id);

    Optional<Session> findByRefreshTokenHash(String hash);

    /**
     * Replaces the refresh token hash of an active session if it still has {@code expectedHash}
     * (compare-and-set, so a refresh token works only once). Returns false if it did not.
     */
    boolean rotate(String sessionId, String expectedHash, String newHash, Instant usedAt, Instant expiresAt);

    void revoke(String sessionId, Instant at);

    void revokeAllOfUser(String userId, Instant at);

    /** The user's active sessions (not revoked, not expired at {@code now}), most recently used first. */
    List<Session> listActive(String userId, Instant now);
}
