package dev.parley.store;

import dev.parley.core.port.SessionStore;
import dev.parley.core.user.Session;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Login sessions in the {@code sessions} table. */
final class JdbcSessionStore implements SessionStore {
    private static final String SELECT = "SELECT " + Rows.SESSION_COLUMNS + " FROM sessions ";

    private final JdbcTransactor tx;

    JdbcSessionStore(JdbcTransactor tx) {
        this.tx = tx;
    }

    @Override
    public void insert(Session session) {
        tx.writing(h -> h.createUpdate("""
                        INSERT INTO sessions (id, user_id, refresh_token_hash, user_agent, created_at, last_used_at,
                                              expires_at, revoked_at)
                        VALUES (:id, :userId, :hash, :userAgent, :createdAt, :lastUsedAt, :expiresAt, :revokedAt)""")
                .bind("id", session.id())
                .bind("userId", session.userId())
                .bind("hash", session.refreshTokenHash())
                .bind("userAgent", session.userAgent())
                .bind("createdAt", Rows.millis(session.createdAt()))
                .bind("lastUsedAt", Rows.millis(session.lastUsedAt()))
                .bind("expiresAt", Rows.millis(session.expiresAt()))
                .bind("revokedAt", Rows.millis(session.revokedAt()))
                .execute());
    }

    @Override
    public Optional<Session> findById(String id) {
        return tx.reading(h -> h.createQuery(SELECT + "WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> Rows.session(rs)).findOne());
    }

    @Override
    public Optional<Session> findByRefreshTokenHash(String hash) {
        return tx.reading(h -> h.createQuery(SELECT + "WHERE refresh_token_hash = :hash")
                .bind("hash", hash).map((rs, ctx) -> Rows.session(rs)).findOne());
    }

    @Override
    public boolean rotate(String sessionId, String expectedHash, String newHash, Instant usedAt, Instant expiresAt) {
        return tx.writing(h -> h.createUpdate("""
                        UPDATE sessions SET refresh_token_hash = :newHash, last_used_at = :usedAt, expires_at = :expiresAt
                        WHERE id = :id AND refresh_token_hash = :expectedHash
                          AND revoked_at IS NULL AND expires_at > :usedAt""")
                .bind("id", sessionId)
                .bind("expectedHash", expectedHash)
                .bind("newHash", newHash)
                .bind("usedAt", Rows.millis(usedAt))
                .bind("expiresAt", Rows.millis(expiresAt))
                .execute() == 1);
    }

    @Override
    public void revoke(String sessionId, Instant at) {
        tx.writing(h -> h.createUpdate("UPDATE sessions SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                .bind("id", sessionId).bind("at", Rows.millis(at)).execute());
    }

    @Override
    public void revokeAllOfUser(String userId, Instant at) {
        tx.writing(h -> h.createUpdate("UPDATE sessions SET revoked_at = :at WHERE user_id = :userId AND revoked_at IS NULL")
                .bind("userId", userId).bind("at", Rows.millis(at)).execute());
    }

    @Override
    public List<Session> listActive(String userId, Instant now) {
        return tx.reading(h -> h.createQuery(SELECT + """
                        WHERE user_id = :userId AND revoked_at IS NULL AND expires_at > :now
                        ORDER BY last_used_at DESC, id DESC""")
                .bind("userId", userId).bind("now", Rows.millis(now)).map((rs, ctx) -> Rows.session(rs)).list());
    }
}
