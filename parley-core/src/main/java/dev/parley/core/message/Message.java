package dev.parley.core.message;

import java.time.Instant;
import java.util.List;

/**
 * A message. {@code seq} is the conversation sequence number of its creation. A deleted message
 * is a tombstone: id, seq, sender and times stay, {@code text}, {@code attachments} and
 * {@code mentions} are empty. {@code threadRootId} names the root of the thread the message
 * belongs to; a root carries {@code thread} statistics.
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
        boolean mentionsAll,
        Forwarded forwardedFrom,
        Instant createdAt,
        Instant editedAt,
        Instant deletedAt,
        String deletedBy,
        ThreadStats thread) {

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** The message without its content, as everyone but an admin sees a deleted one. */
    public Message tombstone(boolean keepDeletedBy) {
        return new Message(id, conversationId, seq, senderId, clientMessageId, type, null, null, List.of(),
                replyToId, threadRootId, List.of(), false, null, createdAt, editedAt, deletedAt,
                keepDeletedBy ? deletedBy : null, thread);
    }

    /** The same message under another seq (a new message learns its seq as it is stored). */
    public Message withSeq(long newSeq) {
        return new Message(id, conversationId, newSeq, senderId, clientMessageId, type, text, codeLanguage, attachments,
                replyToId, threadRootId, mentions, mentionsAll, forwardedFrom, createdAt, editedAt, deletedAt,
                deletedBy, thread);
    }

    /** Where a forwarded message came from. */
    public record Forwarded(String messageId, String conversationId, String senderId) {
    }

    /** Statistics of a thread, kept on its root message. */
    public record ThreadStats(int replyCount, Instant lastReplyAt, List<String> participantIds) {
        public static final ThreadStats NONE = new ThreadStats(0, null, List.of());
    }
}
