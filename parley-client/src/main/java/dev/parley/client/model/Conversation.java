package dev.parley.client.model;

import java.time.Instant;

/** A conversation; {@code lastSeq} is the sequence number of its newest event. */
public record Conversation(
        String id,
        ConversationKind kind,
        String title,
        String description,
        String avatarUrl,
        String courseId,
        boolean archived,
        String createdBy,
        Instant createdAt,
        Instant lastActivityAt,
        long lastSeq) {
}
