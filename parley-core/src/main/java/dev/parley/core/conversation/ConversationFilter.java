package dev.parley.core.conversation;

/**
 * Filters for "my conversations". Null fields do not filter. Archived conversations are listed
 * only when {@code archived} is true (null or false: only active ones); hidden ones only when
 * {@code includeHidden}.
 */
public record ConversationFilter(
        ConversationKind kind,
        String courseId,
        Boolean archived,
        Boolean pinned,
        String titleQuery,
        boolean includeHidden) {

    public static final ConversationFilter ALL = new ConversationFilter(null, null, null, null, null, false);
}
