package dev.parley.core.conversation;

import java.time.Instant;

/** Position in "my conversations" (pinned first, then newest activity, then id descending). */
public record ConversationCursor(boolean pinned, Instant lastActivityAt, String conversationId) {
}
