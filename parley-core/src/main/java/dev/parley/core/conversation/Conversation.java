package dev.parley.core.conversation;

import java.time.Instant;

/**
 * A conversation. {@code lastSeq} is the sequence number of its newest event; every persisted
 * change takes the next one, with no gaps. {@code directKey} is the sorted pair of user ids of a
 * direct conversation (unique), {@code courseId} the host's course id of a course conversation
 * (unique); both are null for other kinds.
 */
public record Conversation(
        String id,
        ConversationKind kind,
        String title,
        String description,
        String avatarUrl,
        String courseId,
        String directKey,
        boolean archived,
        String createdBy,
        Instant createdAt,
        Instant lastActivityAt,
        long lastSeq) {

    public Conversation withDetails(String title, String description, String avatarUrl) {
        return new Conversation(id, kind, title, description, avatarUrl, courseId, directKey, archived,
                createdBy, createdAt, lastActivityAt, lastSeq);
    }

    public Conversation withArchived(boolean archived) {
        return new Conversation(id, kind, title, description, avatarUrl, courseId, directKey, archived,
                createdBy, createdAt, lastActivityAt, lastSeq);
    }

    public static String directKey(String userA, String userB) {
        return userA.compareTo(userB) < 0 ? userA + ":" + userB : userB + ":" + userA;
    }
}
