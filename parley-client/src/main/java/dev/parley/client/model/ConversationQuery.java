package dev.parley.client.model;

/**
 * Filters and paging of "my conversations"; null fields do not filter. Archived conversations
 * are listed only with {@code archived} true, hidden ones only with {@code includeHidden}.
 */
public record ConversationQuery(
        ConversationKind kind,
        String courseId,
        Boolean archived,
        Boolean pinned,
        String q,
        Boolean includeHidden,
        String cursor,
        Integer limit) {

    public static final ConversationQuery ALL = new ConversationQuery(null, null, null, null, null, null, null, null);

    public ConversationQuery withKind(ConversationKind value) {
        return new ConversationQuery(value, courseId, archived, pinned, q, includeHidden, cursor, limit);
    }

    public ConversationQuery withCourseId(String value) {
        return new ConversationQuery(kind, value, archived, pinned, q, includeHidden, cursor, limit);
    }

    public ConversationQuery withArchived(Boolean value) {
        return new ConversationQuery(kind, courseId, value, pinned, q, includeHidden, cursor, limit);
    }

    public ConversationQuery withPinned(Boolean value) {
        return new ConversationQuery(kind, courseId, archived, value, q, includeHidden, cursor, limit);
    }

    public ConversationQuery withQ(String value) {
        return new ConversationQuery(kind, courseId, archived, pinned, value, includeHidden, cursor, limit);
    }

    public ConversationQuery withIncludeHidden(Boolean value) {
        return new ConversationQuery(kind, courseId, archived, pinned, q, value, cursor, limit);
    }

    public ConversationQuery withCursor(String value) {
        return new ConversationQuery(kind, courseId, archived, pinned, q, includeHidden, value, limit);
    }

    public ConversationQuery withLimit(Integer value) {
        return new ConversationQuery(kind, courseId, archived, pinned, q, includeHidden, cursor, value);
    }
}
