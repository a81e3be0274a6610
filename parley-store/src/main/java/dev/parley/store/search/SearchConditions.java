package dev.parley.store.search;

import dev.parley.core.error.ParleyException;
import dev.parley.core.search.SearchQuery;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The SQL both dialects share: the input checks, the caller's conversations and the conditions on
 * a {@code messages} row aliased {@code m} that every hit must meet (live, and the query's
 * filters). Values are always bound, never written into the SQL. Thread-safe (stateless).
 */
final class SearchConditions {
    private SearchConditions() {
    }

    /** Rejects what no search can serve; a blank text is not an error (it finds nothing). */
    static void requireValid(String userId, SearchQuery query) {
        if (userId == null || userId.isBlank()) throw ParleyException.invalid("userId", "is required");
        if (query == null) throw ParleyException.invalid("q", "is required");
        if (query.text() == null) throw ParleyException.invalid("q", "is required");
        if (query.offset() < 0) throw ParleyException.invalid("offset", "must not be negative");
        if (query.limit() < 0) throw ParleyException.invalid("limit", "must not be negative");
    }

    /** The caller's conversations, or the one asked for if it is the caller's. */
    static List<String> conversationsOf(Handle handle, String userId, String onlyConversation) {
        var query = handle.createQuery("SELECT conversation_id FROM conversation_members WHERE user_id = :user"
                        + (onlyConversation == null ? "" : " AND conversation_id = :conversation"))
                .bind("user", userId);
        if (onlyConversation != null) query.bind("conversation", onlyConversation);
        return query.mapTo(String.class).list();
    }

    /**
     * Appends " AND …" conditions on {@code m} (live, and the query's filters) and adds their
     * values to {@code binds}. Which conversations are the caller's, each dialect asks itself.
     */
    static void appendFilters(StringBuilder sql, Map<String, Object> binds, SearchQuery query) {
        sql.append(" AND m.deleted_at IS NULL AND m.text IS NOT NULL");
        if (query.conversationId() != null) {
            sql.append(" AND m.conversation_id = :conversation");
            binds.put("conversation", query.conversationId());
        }
        if (query.senderId() != null) {
            sql.append(" AND m.sender_id = :sender");
            binds.put("sender", query.senderId());
        }
        if (query.type() != null) {
            sql.append(" AND m.type = :type");
            binds.put("type", query.type().wireName());
        }
        if (query.from() != null) {
            sql.append(" AND m.created_at >= :from");
            binds.put("from", query.from().toEpochMilli());
        }
        if (query.to() != null) {
            sql.append(" AND m.created_at < :to");
            binds.put("to", query.to().toEpochMilli());
        }
    }
}
