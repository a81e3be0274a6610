package dev.parley.store;

import dev.parley.core.port.LastSeenStore;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Last-seen times in {@code users.last_seen_at}; an update only ever moves the time forward. */
final class JdbcLastSeenStore implements LastSeenStore {
    private static final int CHUNK = 500;

    private final JdbcTransactor tx;

    JdbcLastSeenStore(JdbcTransactor tx) {
        this.tx = tx;
    }

    @Override
    public void record(String userId, Instant at) {
        tx.writing(h -> h.createUpdate("""
                        UPDATE users SET last_seen_at = :at
                        WHERE id = :id AND (last_seen_at IS NULL OR last_seen_at < :at)""")
                .bind("id", userId)
                .bind("at", Rows.millis(at))
                .execute());
    }

    @Override
    public Map<String, Instant> find(Collection<String> userIds) {
        if (userIds == null || userIds.isEmpty()) return Map.of();
        List<String> ids = userIds.stream().distinct().toList();
        Map<String, Instant> seen = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            tx.reading(h -> h.createQuery("""
                            SELECT id, last_seen_at FROM users
                            WHERE id IN (<ids>) AND last_seen_at IS NOT NULL""")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getString("id"), Instant.ofEpochMilli(rs.getLong("last_seen_at"))))
                    .list())
                    .forEach(e -> seen.put(e.getKey(), e.getValue()));
        }
        return seen;
    }
}
