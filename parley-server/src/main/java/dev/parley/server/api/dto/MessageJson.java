package dev.parley.server.api.dto;

import dev.parley.core.message.DeliveryState;
import dev.parley.core.message.Message;
import dev.parley.core.message.MessageView;
import dev.parley.core.message.ReactionCount;
import java.time.Instant;
import java.util.List;

/**
 * A message as one viewer sees it: reactions, pin flag and, on the viewer's own messages, the
 * delivery state (null otherwise). {@code type} and {@code delivery.status} are lower case.
 */
public record MessageJson(
        String id,
        String conversationId,
        long seq,
        String senderId,
        String clientMessageId,
        String type,
        String text,
        String codeLanguage,
        List<AttachmentJson> attachments,
        String replyToId,
        String threadRootId,
        List<String> mentions,
        boolean mentionAll,
        ForwardedJson forwardedFrom,
        Instant createdAt,
        Instant editedAt,
        Instant deletedAt,
        String deletedBy,
        ThreadJson thread,
        List<ReactionJson> reactions,
        boolean pinned,
        DeliveryJson delivery) {

    public record ForwardedJson(String messageId, String conversationId, String senderId) {
    }

    public record ThreadJson(int replyCount, Instant lastReplyAt, List<String> participantIds) {
    }

    public record ReactionJson(String emoji, int count, boolean me, List<String> userIds) {
    }

    public record DeliveryJson(String status, int deliveredTo, int readBy, int recipients, List<String> readerIds) {
    }

    public static MessageJson of(MessageView view) {
        return of(view.message(), view.reactions(), view.pinned(), view.delivery());
    }

    /**
     * A message without the per-viewer parts (no reactions, not pinned, no delivery state), as in a
     * conversation list's preview. A deleted message becomes its tombstone.
     */
    public static MessageJson preview(Message message, boolean seesDeletedBy) {
        Message shown = message.isDeleted() ? message.tombstone(seesDeletedBy) : message;
        return of(shown, List.of(), false, null);
    }

    private static MessageJson of(Message m, List<ReactionCount> reactions, boolean pinned, DeliveryState delivery) {
        Message.ThreadStats thread = m.thread() == null ? Message.ThreadStats.NONE : m.thread();
        return new MessageJson(m.id(), m.conversationId(), m.seq(), m.senderId(), m.clientMessageId(),
                m.type().wireName(), m.text(), m.codeLanguage(),
                m.attachments() == null ? List.of() : m.attachments().stream().map(AttachmentJson::of).toList(),
                m.replyToId(), m.threadRootId(),
                m.mentions() == null ? List.of() : List.copyOf(m.mentions()), m.mentionsAll(),
                m.forwardedFrom() == null ? null : new ForwardedJson(m.forwardedFrom().messageId(),
                        m.forwardedFrom().conversationId(), m.forwardedFrom().senderId()),
                m.createdAt(), m.editedAt(), m.deletedAt(), m.deletedBy(),
                new ThreadJson(thread.replyCount(), thread.lastReplyAt(),
                        thread.participantIds() == null ? List.of() : List.copyOf(thread.participantIds())),
                reactions == null ? List.of() : reactions.stream()
                        .map(r -> new ReactionJson(r.emoji(), r.count(), r.me(), List.copyOf(r.userIds()))).toList(),
                pinned,
                delivery == null ? null : new DeliveryJson(delivery.status().wireName(), delivery.deliveredTo(),
                        delivery.readBy(), delivery.recipients(), List.copyOf(delivery.readerIds())));
    }
}
