package dev.parley.store;

import dev.parley.core.port.MembershipIndex;
import dev.parley.core.receipt.UnreadCount;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One statement per lookup over {@code conversation_members}; long id lists are asked in chunks. */
final class JdbcMembershipIndex implements MembershipIndex {
    private static final int CHUNK = 500;

    /** Messages by others, live, above the member's read marker (as in {@link ConversationListQuery}). */
    private static final String UNREAD = """
            FROM messages x
            WHERE x.conversation_id = m.conversation_id AND x.seq > m.read_seq AND x.deleted_at IS NULL
              AND x.sender_id IS DISTINCT FROM :me""";

    private final JdbcTransactor tx;

    JdbcMembershipIndex(JdbcTransactor tx) {
        this.tx = tx;
    }

    @Override
    public Map<String, Long> conversationsOf(String userId) {
        Map<String, Long> positions = new HashMap<>();
        tx.reading(h -> h.createQuery("""
                        SELECT c.id, c.last_seq
                        FROM conversation_members m JOIN conversations c ON c.id = m.conversation_id
                        WHERE m.user_id = :userId""")
                .bind("userId", userId)
                .map((rs, ctx) -> Map.entry(rs.getString("id"), rs.getLong("last_seq")))
                .list())
                .forEach(e -> positions.put(e.getKey(), e.getValue()));
        return positions;
    }

    @Override
    public Set<String> sharingAConversation(String userId, Collection<String> userIds) {
        if (userIds == null || userIds.isEmpty()) return Set.of();
        List<String> ids = userIds.stream().distinct().toList();
        Set<String> sharing = new HashSet<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            sharing.addAll(tx.reading(h -> h.createQuery("""
                            SELECT DISTINCT o.user_id
                            FROM conversation_members me
                            JOIN conversation_members o ON o.conversation_id = me.conversation_id
                            WHERE me.user_id = :userId AND o.user_id IN (<ids>)""")
                    .bind("userId", userId)
                    .bindList("ids", chunk)
                    .mapTo(String.class)
                    .list()));
        }
        return sharing;
    }

    @Override
    public Optional<UnreadCount> unread(String userId, String conversationId) {
        return tx.reading(h -> h.createQuery("SELECT (SELECT COUNT(*) " + UNREAD + ") AS unread_count,\n"
                        + "       (SELECT COUNT(*) " + UNREAD + "\n"
                        + "          AND (x.mentions_all OR EXISTS (SELECT 1 FROM message_mentions mm"
                        + " WHERE mm.message_id = x.id AND mm.user_id = :me))) AS mention_count\n"
                        + "FROM conversation_members m\n"
                        + "WHERE m.conversation_id = :conversationId AND m.user_id = :me")
                .bind("me", userId)
                .bind("conversationId", conversationId)
                .map((rs, ctx) -> new UnreadCount(rs.getLong("unread_count"), rs.getLong("mention_count")))
                .findOne());
    }
}
