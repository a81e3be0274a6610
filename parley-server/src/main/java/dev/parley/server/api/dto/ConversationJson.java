package dev.parley.server.api.dto;

import dev.parley.core.conversation.Conversation;
import java.time.Instant;

/** A conversation on the wire; {@code kind} in lower case, the internal direct key left out. */
public record ConversationJson(
        String id,
        String kind,
        String title,
        String description,
        String avatarUrl,
        String courseId,
        boolean archived,
        String createdBy,
        Instant createdAt,
        Instant lastActivityAt,
        long lastSeq) {

    public static ConversationJson of(Conversation c) {
        return new ConversationJson(c.id(), c.kind().wireName(), c.title(), c.description(), c.avatarUrl(),
                c.courseId(), c.archived(), c.createdBy(), c.createdAt(), c.lastActivityAt(), c.lastSeq());
    }
}
