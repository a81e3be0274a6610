package dev.parley.server.api.dto;

import dev.parley.core.error.Validation;
import dev.parley.core.message.Attachment;
import dev.parley.core.message.MessageType;
import dev.parley.core.message.NewMessage;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /conversations/{id}/messages}; {@code type} defaults to text. */
public record SendMessageRequest(
        String clientMessageId,
        String type,
        String text,
        String codeLanguage,
        List<AttachmentJson> attachments,
        String replyToId,
        String threadRootId,
        List<String> mentions,
        Boolean mentionAll) {

    /** The core message; 400 for an unknown type or an attachment without a size. */
    public NewMessage toCore() {
        Validation v = new Validation();
        MessageType parsed = type == null ? MessageType.TEXT : Wire.messageType(type, "type", v);
        List<Attachment> files = null;
        if (attachments != null) {
            files = new ArrayList<>(attachments.size());
            for (int i = 0; i < attachments.size(); i++) {
                files.add(AttachmentJson.toCore(attachments.get(i), "attachments[" + i + "]", v));
            }
        }
        v.throwIfInvalid();
        return new NewMessage(clientMessageId, parsed, text, codeLanguage, files, replyToId, threadRootId, mentions,
                Boolean.TRUE.equals(mentionAll));
    }
}
