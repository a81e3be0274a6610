package dev.parley.store;

import dev.parley.core.port.UserStore;
import dev.parley.core.user.User;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Users, password hashes and blocks in the {@code users} and {@code user_blocks} tables. */
final class JdbcUserStore implements UserStore {
    private static final String SELECT = "SELECT " + Rows.USER_COLUMNS + " FROM users u ";

    private final JdbcTransactor tx;

    JdbcUserStore(JdbcTransactor tx) {
        this.tx = tx;
    }

    @Override
    public void insert(User user, String passwordHash) {
        tx.writing(h -> h.createUpdate("""
                        INSERT INTO users (id, username, display_name, email, avatar_url, status_text, external_id,
                                           password_hash, search_key, created_at)
                        VALUES (:id, :username, :displayName, :email, :avatarUrl, :statusText, :externalId,
                                :passwordHash, :searchKey, :createdAt)""")
                .bind("id", user.id())
                .bind("username", user.username().toLowerCase(Locale.ROOT))
                .bind("displayName", user.displayName())
                .bind("email", user.email())
                .bind("avatarUrl", user.avatarUrl())
                .bind("statusText", user.statusText())
                .bind("externalId", user.externalId())
                .bind("passwordHash", passwordHash)
                .bind("searchKey", Rows.searchKey(user.displayName(), user.username()))
                .bind("createdAt", Rows.millis(user.createdAt()))
                .execute());
    }

    @Override
    public Optional<User> findById(String id) {
        return tx.reading(h -> h.createQuery(SELECT + " WHERE u.id = :id")
                .bind("id", id).map((rs, ctx) -> Rows.user(rs)).findOne());
    }

    @Override
    public List<User> findByIds(Collection<String> ids) {
        if (ids == null || ids.isEmpty()) return List.of();
        return tx.reading(h -> h.createQuery(SELECT + " WHERE u.id IN (<ids>)")
                .bindList("ids", List.copyOf(ids)).map((rs, ctx) -> Rows.user(rs)).list());
    }

    @Override
    public Optional<User> findByUsername(String username) {
        if (username == null) return Optional.empty();
        return tx.reading(h -> h.createQuery(SELECT + " WHERE u.username = :username")
                .bind("username", username.toLowerCase(Locale.ROOT)).map((rs, ctx) -> Rows.user(rs)).findOne());
    }

    @Override
    public Optional<User> findByExternalId(String externalId) {
        if (externalId == null) return Optional.empty();
        return tx.reading(h -> h.createQuery(SELECT + " WHERE u.external_id = :externalId")
                .bind("externalId", externalId).map((rs, ctx) -> Rows.user(rs)).findOne());
    }

    @Override
    public void update(User user) {
        tx.writing(h -> h.createUpdate("""
                        UPDATE users SET display_name = :displayName, email = :email, avatar_url = :avatarUrl,
                                         status_text = :statusText, search_key = :searchKey
                        WHERE id = :id""")
                .bind("id", user.id())
                .bind("displayName", user.displayName())
                .bind("email", user.email())
                .bind("avatarUrl", user.avatarUrl())
                .bind("statusText", user.statusText())
                .bind("searchKey", Rows.searchKey(user.displayName(), user.username()))
                .execute());
    }

    @Override
    public Optional<String> passwordHash(String userId) {
        return tx.reading(h -> h.createQuery("SELECT password_hash FROM users WHERE id = :id")
                .bind("id", userId).mapTo(String.class).findOne());
    }

    @Override
    public void setPasswordHash(String userId, String passwordHash) {
        tx.writing(h -> h.createUpdate("UPDATE users SET password_hash = :hash WHERE id = :id")
                .bind("id", userId).bind("hash", passwordHash).execute());
    }

    @Override
    public List<User> search(String query, String excludeUserId, int limit) {
        if (query == null || query.isEmpty() || limit <= 0) return List.of();
        return tx.reading(h -> h.createQuery(SELECT + """
                         WHERE u.search_key LIKE :pattern ESCAPE '!'
                           AND u.id IS DISTINCT FROM :exclude
                         ORDER BY u.username
                         LIMIT :limit""")
                .bind("pattern", Rows.containsPattern(query))
                .bind("exclude", excludeUserId)
                .bind("limit", limit)
                .map((rs, ctx) -> Rows.user(rs)).list());
    }

    @Override
    public void block(String blockerId, String blockedId, Instant at) {
        tx.writing(h -> h.createUpdate("""
                        INSERT INTO user_blocks (blocker_id, blocked_id, created_at) VALUES (:blocker, :blocked, :at)
                        ON CONFLICT (blocker_id, blocked_id) DO NOTHING""")
                .bind("blocker", blockerId).bind("blocked", blockedId).bind("at", Rows.millis(at)).execute());
    }

    @Override
    public void unblock(String blockerId, String blockedId) {
        tx.writing(h -> h.createUpdate("DELETE FROM user_blocks WHERE blocker_id = :blocker AND blocked_id = :blocked")
                .bind("blocker", blockerId).bind("blocked", blockedId).execute());
    }

    @Override
    public boolean isBlockedEitherWay(String userA, String userB) {
        return tx.reading(h -> h.createQuery("""
                        SELECT COUNT(*) FROM user_blocks
                        WHERE (blocker_id = :a AND blocked_id = :b) OR (blocker_id = :b AND blocked_id = :a)""")
                .bind("a", userA).bind("b", userB).mapTo(Long.class).one() > 0);
    }

    @Override
    public List<String> blockedBy(String blockerId) {
        return tx.reading(h -> h.createQuery("""
                        SELECT blocked_id FROM user_blocks WHERE blocker_id = :blocker
                        ORDER BY created_at DESC, blocked_id DESC""")
                .bind("blocker", blockerId).mapTo(String.class).list());
    }
}
