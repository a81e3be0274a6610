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

/** One statement per lookup over {@code conversation_members}. */
final class JdbcMembershipIndex implements MembershipIndex {
    /** The most candidates {@link #sharingAConversation} names in its query (a presence request's most). */
    private static final int LISTED = 100;
    /** Everyone who shares a conversation with the user, the user included if a member anywhere. */
    private static final String CO_MEMBERS_OF = """
            SELECT DISTINCT o.user_id
            FROM conversation_members me
            JOIN conversation_members o ON o.conversation_id = me.conversation_id
            WHERE me.user_id = """;

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

    /**
     * Up to {@value #LISTED} candidates are named in the query; more (presence asks with every
     * connected user) are matched against the user's co-members, read in one query whose cost
     * follows the user's conversations rather than the number of candidates.
     */
    @Override
    public Set<String> sharingAConversation(String userId, Collection<String> userIds) {
        if (userIds == null || userIds.isEmpty()) return Set.of();
        if (userIds.size() > LISTED) {
            Set<String> sharing = new HashSet<>(
                    tx.reading(h -> tx.sql().list(h, CO_MEMBERS_OF + "?", rs -> rs.getString(1), userId)));
            sharing.retainAll(userIds instanceof Set<?> ? userIds : new HashSet<>(userIds));
            return sharing;
        }
        return new HashSet<>(tx.reading(h -> h.createQuery(CO_MEMBERS_OF + ":userId AND o.user_id IN (<ids>)")
                .bind("userId", userId)
                .bindList("ids", List.copyOf(new HashSet<>(userIds)))
                .mapTo(String.class)
                .list()));
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
