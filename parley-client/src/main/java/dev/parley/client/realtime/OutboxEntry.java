package dev.parley.client.realtime;

import dev.parley.client.model.NewMessage;
import java.time.Instant;

/**
 * A message waiting for the server's acknowledgement. {@code message.clientMessageId()} is set and
 * stays the same across every resend, so the server creates the message at most once.
 */
public record OutboxEntry(String conversationId, NewMessage message, Instant queuedAt) {
    public OutboxEntry {
        if (conversationId == null || conversationId.isBlank()) throw new IllegalArgumentException("conversationId is required");
        if (message == null || message.clientMessageId() == null) throw new IllegalArgumentException("a clientMessageId is required");
    }

    public String clientMessageId() {
        return message.clientMessageId();
    }
}
