package dev.parley.core.search;

import dev.parley.core.message.MessageType;
import java.time.Instant;

/** A full-text search over the caller's conversations. Null filters do not filter. */
public record SearchQuery(
        String text,
        String conversationId,
        String senderId,
        MessageType type,
        Instant from,
        Instant to,
        int offset,
        int limit) {
}
