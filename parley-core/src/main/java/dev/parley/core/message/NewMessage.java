package dev.parley.core.message;

import java.util.List;

/**
 * What a client asks to send. {@code clientMessageId} is required and makes the send idempotent
 * per sender and conversation. {@code threadRootId} puts the message in a thread; {@code replyToId}
 * quotes another message. {@code mentions} are user ids; {@code mentionAll} is @all (groups only).
 */
public record NewMessage(
        String clientMessageId,
        MessageType type,
        String text,
        String codeLanguage,
        List<Attachment> attachments,
        String replyToId,
        String threadRootId,
        List<String> mentions,
        boolean mentionAll) {

    public static NewMessage text(String clientMessageId, String text) {
        return new NewMessage(clientMessageId, MessageType.TEXT, text, null, List.of(), null, null, List.of(), false);
    }
}
