package dev.parley.core.receipt;

/**
 * A member's badge of one conversation: messages by others, not deleted, above the read marker,
 * and how many of them mention the member or @all.
 */
public record UnreadCount(long unreadCount, long mentionCount) {
}
