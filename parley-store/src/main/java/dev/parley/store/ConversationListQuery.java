package dev.parley.store;

import dev.parley.core.conversation.Conversation;
import dev.parley.core.conversation.ConversationCursor;
import dev.parley.core.conversation.ConversationFilter;
import dev.parley.core.conversation.ConversationKind;
import dev.parley.core.conversation.ConversationSummary;
import dev.parley.core.conversation.Member;
import dev.parley.core.message.Message;
import dev.parley.core.user.User;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * "My conversations" in three statements: one query for the page (filter, keyset cursor, order,
 * limit) whose outer select adds the unread and mention counts of just that page; one for the
 * newest message of each listed conversation with its sender's name; one for the other person
 * of the direct conversations. Every value is a bound parameter; only fixed SQL fragments are
 * put together.
 */
final class ConversationListQuery {
    /** Messages by others, live, above the member's read marker ({@code page} is the page row). */
    private static final String UNREAD = """
            FROM messages x
            WHERE x.conversation_id = page.id AND x.seq > page.read_seq AND x.deleted_at IS NULL
              AND x.sender_id IS DISTINCT FROM :me""";

    List<ConversationSummary> run(Handle h, String me, ConversationFilter filter, ConversationCursor after, int limit) {
        List<PageRow> rows = page(h, me, filter, after, limit);
        if (rows.isEmpty()) return List.of();
        Map<String, LastMessage> last = lastMessages(h, rows);
        Map<String, User> peers = directPeers(h, me, rows);
        List<ConversationSummary> summaries = new ArrayList<>(rows.size());
        for (PageRow row : rows) {
            Conversation c = row.conversation();
            LastMessage lastMessage = last.get(c.id());
            summaries.add(new ConversationSummary(c, row.member(), row.unread(), row.mentions(),
                    lastMessage == null ? null : lastMessage.message(),
                    lastMessage == null ? null : lastMessage.senderName(),
                    c.kind() == ConversationKind.DIRECT ? peers.get(peerId(c, me)) : null));
        }
        return summaries;
    }

    private record PageRow(Conversation conversation, Member member, long unread, long mentions) {
    }

    private record LastMessage(Message message, String senderName) {
    }

    private List<PageRow> page(Handle h, String me, ConversationFilter f, ConversationCursor after, int limit) {
        StringBuilder where = new StringBuilder("m.user_id = :me AND c.archived = :archived");
        if (f.kind() != null) where.append(" AND c.kind = :kind");
        if (f.courseId() != null) where.append(" AND c.course_id = :courseId");
        if (f.pinned() != null) where.append(" AND m.pinned = :pinned");
        if (f.titleQuery() != null && !f.titleQuery().isEmpty()) {
            where.append(" ").append("""
                     AND (c.title_key LIKE :pattern ESCAPE '!'
                          OR (c.kind = 'direct' AND EXISTS (
                                SELECT 1 FROM conversation_members pm JOIN users pu ON pu.id = pm.user_id
                                WHERE pm.conversation_id = c.id AND pm.user_id <> :me
                                  AND pu.search_key LIKE :pattern ESCAPE '!')))""");
        }
        if (!f.includeHidden()) {
            where.append(" ").append("""
                     AND (NOT m.hidden OR EXISTS (
                            SELECT 1 FROM messages x
                            WHERE x.conversation_id = c.id AND x.seq > m.read_seq AND x.deleted_at IS NULL
                              AND x.sender_id IS DISTINCT FROM :me))""");
        }
        if (after != null) {
            where.append(" ").append("""
                     AND (m.pinned < :afterPinned
                          OR (m.pinned = :afterPinned AND (c.last_activity_at < :afterActivity
                              OR (c.last_activity_at = :afterActivity AND c.id < :afterId))))""");
        }
        String sql = "SELECT page.*, (SELECT COUNT(*) " + UNREAD + ") AS unread_count,\n"
                + "       (SELECT COUNT(*) " + UNREAD + "\n"
                + "          AND (x.mentions_all OR EXISTS (SELECT 1 FROM message_mentions mm"
                + " WHERE mm.message_id = x.id AND mm.user_id = :me))) AS mention_count\n"
                + "FROM (SELECT " + Rows.CONVERSATION_COLUMNS + ", " + Rows.MEMBER_COLUMNS + "\n"
                + "      FROM conversation_members m JOIN conversations c ON c.id = m.conversation_id\n"
                + "      WHERE " + where + "\n"
                + "      ORDER BY m.pinned DESC, c.last_activity_at DESC, c.id DESC\n"
                + "      LIMIT :limit) page\n"
                + "ORDER BY page.pinned DESC, page.last_activity_at DESC, page.id DESC";
        Query query = h.createQuery(sql)
                .bind("me", me)
                .bind("archived", Boolean.TRUE.equals(f.archived()))
                .bind("limit", limit);
        if (f.kind() != null) query.bind("kind", f.kind().wireName());
        if (f.courseId() != null) query.bind("courseId", f.courseId());
        if (f.pinned() != null) query.bind("pinned", f.pinned().booleanValue());
        if (f.titleQuery() != null && !f.titleQuery().isEmpty()) query.bind("pattern", Rows.containsPattern(f.titleQuery()));
        if (after != null) {
            query.bind("afterPinned", after.pinned())
                    .bind("afterActivity", Rows.millis(after.lastActivityAt()))
                    .bind("afterId", after.conversationId());
        }
        return query.map((rs, ctx) -> new PageRow(Rows.conversation(rs), Rows.member(rs, Rows.MEMBER_AFTER_CONVERSATION),
                rs.getLong("unread_count"), rs.getLong("mention_count"))).list();
    }

    private Map<String, LastMessage> lastMessages(Handle h, List<PageRow> rows) {
        List<String> ids = rows.stream().filter(r -> r.conversation().lastSeq() > 0).map(r -> r.conversation().id()).toList();
        if (ids.isEmpty()) return Map.of();
        Map<String, LastMessage> last = new HashMap<>();
        h.createQuery("SELECT " + MessageRows.COLUMNS + ", COALESCE(s.display_name, s.username) AS sender_name\n"
                        + "FROM conversations c\n"
                        + "JOIN messages m ON m.conversation_id = c.id\n"
                        + " AND m.seq = (SELECT MAX(x.seq) FROM messages x WHERE x.conversation_id = c.id)\n"
                        + "LEFT JOIN users s ON s.id = m.sender_id\n"
                        + "WHERE c.id IN (<ids>)")
                .bindList("ids", ids)
                .map((rs, ctx) -> new LastMessage(MessageRows.message(rs), rs.getString("sender_name")))
                .forEach(l -> last.put(l.message().conversationId(), l));
        return last;
    }

    private static Map<String, User> directPeers(Handle h, String me, List<PageRow> rows) {
        List<String> ids = rows.stream()
                .filter(r -> r.conversation().kind() == ConversationKind.DIRECT && r.conversation().directKey() != null)
                .map(r -> peerId(r.conversation(), me)).distinct().toList();
        if (ids.isEmpty()) return Map.of();
        Map<String, User> users = new LinkedHashMap<>();
        h.createQuery("SELECT " + Rows.USER_COLUMNS + " FROM users u WHERE u.id IN (<ids>)")
                .bindList("ids", ids)
                .map((rs, ctx) -> Rows.user(rs))
                .forEach(u -> users.put(u.id(), u));
        return users;
    }

    /** The other user of a direct conversation, from its key (the sorted pair of user ids). */
    private static String peerId(Conversation c, String me) {
        if (c.directKey() == null) return null;
        String[] pair = c.directKey().split(":", 2);
        return pair[0].equals(me) && pair.length == 2 ? pair[1] : pair[0];
    }
}
