package dev.parley.client.model;

import java.time.Instant;
import java.util.List;

/**
 * A message as the caller sees it. A deleted message is a tombstone (no text, attachments or
 * mentions; {@code deletedBy} only for owners and admins). {@code delivery} is set only on the
 * caller's own messages.
 */
public record Message(
        String id,
        String conversationId,
        long seq,
        String senderId,
        String clientMessageId,
        MessageType type,
        String text,
        String codeLanguage,
        List<Attachment> attachments,
        String replyToId,
        String threadRootId,
        List<String> mentions,
        boolean mentionAll,
        ForwardedFrom forwardedFrom,
        Instant createdAt,
        Instant editedAt,
        Instant deletedAt,
        String deletedBy,
        ThreadInfo thread,
        List<Reaction> reactions,
        boolean pinned,
        Delivery delivery) {

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** The reaction with {@code emoji}, or null if nobody reacted with it. */
    public Reaction reaction(String emoji) {
        return reactions == null ? null
                : reactions.stream().filter(r -> r.emoji().equals(emoji)).findFirst().orElse(null);
    }

    /** Where a forwarded message came from. */
    public record ForwardedFrom(String messageId, String conversationId, String senderId) {
    }

    /** Statistics of the thread of which this message is the root. */
    public record ThreadInfo(int replyCount, Instant lastReplyAt, List<String> participantIds) {
    }

    /** How many reacted with one emoji, whether I did, and who (the first few). */
    public record Reaction(String emoji, int count, boolean me, List<String> userIds) {
    }

    /** The state of my own message: delivered to and read by how many of its recipients. */
    public record Delivery(DeliveryStatus status, int deliveredTo, int readBy, int recipients, List<String> readerIds) {
    }
}
