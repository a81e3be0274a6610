package dev.parley.store;

import dev.parley.core.message.ReactionCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Reactions in {@code message_reactions}: one row per (message, user, emoji); the message's row
 * counts them ({@code reaction_count}), so a page of messages without any needs no query here. Counting groups
 * them per message and emoji in one query whose window functions give each group's size, whether
 * the viewer is in it and its first {@value #SHOWN_REACTORS} reactors; groups come in the order
 * of their first reaction (time, then insertion order).
 */
final class MessageReactions {
    /** How many reactors a group names. */
    static final int SHOWN_REACTORS = 10;

    private final JdbcTransactor tx;
    private final String countSql;

    MessageReactions(JdbcTransactor tx, Dialect dialect) {
        this.tx = tx;
        String inserted = dialect.insertionOrder("r");
        this.countSql = """
                SELECT t.message_id, t.emoji, t.user_id, t.reactors, t.mine FROM (
                    SELECT r.message_id, r.emoji, r.user_id, r.created_at, %1$s AS inserted,
                           ROW_NUMBER() OVER (PARTITION BY r.message_id, r.emoji ORDER BY r.created_at, %1$s) AS position,
                           COUNT(*) OVER (PARTITION BY r.message_id, r.emoji) AS reactors,
                           MAX(CASE WHEN r.user_id = :viewer THEN 1 ELSE 0 END)
                               OVER (PARTITION BY r.message_id, r.emoji) AS mine
                    FROM message_reactions r
                    WHERE r.message_id IN (<ids>)
                ) t
                WHERE t.position <= %2$d
                ORDER BY t.message_id, t.created_at, t.inserted""".formatted(inserted, SHOWN_REACTORS);
    }

    /** Adds a reaction and counts it on the message's row; false if it was there already. */
    boolean add(String messageId, String userId, String emoji, Instant at) {
        return tx.writing(h -> {
            boolean added = h.createUpdate("""
                            INSERT INTO message_reactions (message_id, user_id, emoji, created_at)
                            VALUES (:messageId, :userId, :emoji, :at)
                            ON CONFLICT (message_id, user_id, emoji) DO NOTHING""")
                    .bind("messageId", messageId)
                    .bind("userId", userId)
                    .bind("emoji", emoji)
                    .bind("at", Rows.millis(at))
                    .execute() == 1;
            if (added) count(h, messageId, 1);
            return added;
        });
    }

    /** Removes a reaction and its count on the message's row; false if there was none. */
    boolean remove(String messageId, String userId, String emoji) {
        return tx.writing(h -> {
            boolean removed = h.createUpdate(
                            "DELETE FROM message_reactions WHERE message_id = :messageId AND user_id = :userId AND emoji = :emoji")
                    .bind("messageId", messageId)
                    .bind("userId", userId)
                    .bind("emoji", emoji)
                    .execute() == 1;
            if (removed) count(h, messageId, -1);
            return removed;
        });
    }

    private static void count(Handle h, String messageId, int change) {
        h.createUpdate("UPDATE messages SET reaction_count = reaction_count + :change WHERE id = :id")
                .bind("id", messageId).bind("change", change).execute();
    }

    Map<String, List<ReactionCount>> counts(Collection<String> messageIds, String viewerId) {
        if (messageIds == null || messageIds.isEmpty()) return Map.of();
        Map<String, Map<String, Group>> byMessage = new LinkedHashMap<>();
        tx.reading(h -> {
            h.createQuery(countSql)
                    .bindList("ids", List.copyOf(messageIds))
                    .bind("viewer", viewerId)
                    .map((rs, ctx) -> new Row(rs.getString("message_id"), rs.getString("emoji"), rs.getString("user_id"),
                            rs.getInt("reactors"), rs.getInt("mine") == 1))
                    .forEach(row -> byMessage.computeIfAbsent(row.messageId(), id -> new LinkedHashMap<>())
                            .computeIfAbsent(row.emoji(), e -> new Group(row.reactors(), row.mine(), new ArrayList<>()))
                            .userIds().add(row.userId()));
            return null;
        });
        Map<String, List<ReactionCount>> result = new LinkedHashMap<>();
        byMessage.forEach((messageId, groups) -> {
            List<ReactionCount> counts = new ArrayList<>(groups.size());
            groups.forEach((emoji, g) -> counts.add(new ReactionCount(emoji, g.count(), g.mine(), List.copyOf(g.userIds()))));
            result.put(messageId, List.copyOf(counts));
        });
        return result;
    }

    private record Row(String messageId, String emoji, String userId, int reactors, boolean mine) {
    }

    private record Group(int count, boolean mine, List<String> userIds) {
    }
}
