package dev.parley.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A message to send. {@code clientMessageId} (1-64 of {@code A-Z a-z 0-9 _ . : -}) makes the send
 * idempotent: a retry with the same id returns the original message. Build one with
 * {@link #text(String, String)} and the {@code with…} methods.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewMessage(
        String clientMessageId,
        MessageType type,
        String text,
        String codeLanguage,
        List<Attachment> attachments,
        String replyToId,
        String threadRootId,
        List<String> mentions,
        Boolean mentionAll) {

    public static NewMessage text(String clientMessageId, String text) {
        return new NewMessage(clientMessageId, MessageType.TEXT, text, null, null, null, null, null, null);
    }

    public static NewMessage code(String clientMessageId, String language, String code) {
        return new NewMessage(clientMessageId, MessageType.CODE, code, language, null, null, null, null, null);
    }

    /** An image, file or voice message with attachments and an optional caption. */
    public static NewMessage withFiles(String clientMessageId, MessageType type, String caption, Attachment... files) {
        return new NewMessage(clientMessageId, type, caption, null, List.of(files), null, null, null, null);
    }

    public NewMessage replyingTo(String messageId) {
        return new NewMessage(clientMessageId, type, text, codeLanguage, attachments, messageId, threadRootId, mentions,
                mentionAll);
    }

    public NewMessage inThread(String rootMessageId) {
        return new NewMessage(clientMessageId, type, text, codeLanguage, attachments, replyToId, rootMessageId, mentions,
                mentionAll);
    }

    public NewMessage mentioning(String... userIds) {
        return new NewMessage(clientMessageId, type, text, codeLanguage, attachments, replyToId, threadRootId,
                List.of(userIds), mentionAll);
    }

    public NewMessage mentioningAll() {
        return new NewMessage(clientMessageId, type, text, codeLanguage, attachments, replyToId, threadRootId, mentions,
                true);
    }

    public NewMessage withType(MessageType newType) {
        return new NewMessage(clientMessageId, newType, text, codeLanguage, attachments, replyToId, threadRootId,
                mentions, mentionAll);
    }
}
