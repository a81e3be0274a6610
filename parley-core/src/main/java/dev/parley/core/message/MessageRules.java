package dev.parley.core.message;

import dev.parley.core.Limits;
import dev.parley.core.conversation.ConversationKind;
import dev.parley.core.error.Validation;
import java.util.List;
import java.util.regex.Pattern;

/** Validation of message content; one place for what a send or an edit may contain. */
final class MessageRules {
    static final Pattern CLIENT_MESSAGE_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Pattern MIME = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");
    private static final Pattern URL = Pattern.compile("https?://\\S{1,2000}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9#+_.-]{1,32}");
    static final long MAX_ATTACHMENT_SIZE = 10L * 1024 * 1024 * 1024;

    private MessageRules() {
    }

    static void validateNew(NewMessage m, boolean platform, Limits limits) {
        Validation v = new Validation();
        v.require(m.clientMessageId() != null, "clientMessageId", "is required");
        v.matches(m.clientMessageId(), CLIENT_MESSAGE_ID, "clientMessageId", "must be 1-64 characters of A-Z a-z 0-9 _ . : -");
        v.require(m.type() != null, "type", "must be one of text, code, image, file, voice, system");
        v.require(m.type() != MessageType.SYSTEM || platform, "type", "system messages are posted by the platform");
        if (m.type() != null) {
            validateContent(v, m.type(), m.text(), m.attachments(), limits);
        }
        if (m.type() == MessageType.CODE) {
            v.matches(m.codeLanguage(), LANGUAGE, "codeLanguage", "must be 1-32 characters of letters, digits and #+_.-");
        } else {
            v.require(m.codeLanguage() == null, "codeLanguage", "is only for code messages");
        }
        validateMentions(v, m.mentions(), limits);
        v.require(m.replyToId() == null || m.replyToId().length() <= 64, "replyToId", "is not a message id");
        v.require(m.threadRootId() == null || m.threadRootId().length() <= 64, "threadRootId", "is not a message id");
        v.throwIfInvalid();
    }

    static void validateEdit(MessageType type, String text, List<String> mentions, Limits limits) {
        Validation v = new Validation();
        v.require(type != MessageType.SYSTEM, "type", "system messages cannot be edited");
        validateText(v, type, text, limits);
        validateMentions(v, mentions, limits);
        v.throwIfInvalid();
    }

    private static boolean isTextual(MessageType type) {
        return type == MessageType.TEXT || type == MessageType.CODE || type == MessageType.SYSTEM;
    }

    /** Text is required for text, code and system messages, an optional caption for the others. */
    private static void validateText(Validation v, MessageType type, String text, Limits limits) {
        v.requireText(text, "text", isTextual(type) ? 1 : 0, limits.maxTextLength());
    }

    private static void validateContent(Validation v, MessageType type, String text, List<Attachment> attachments,
                                        Limits limits) {
        validateText(v, type, text, limits);
        if (isTextual(type)) {
            v.require(attachments == null || attachments.isEmpty(), "attachments", "are only for image, file and voice messages");
            return;
        }
        v.require(attachments != null && !attachments.isEmpty(), "attachments", "must have at least one item");
        v.maxSize(attachments, "attachments", limits.maxAttachments());
        if (attachments == null) return;
        for (int i = 0; i < attachments.size(); i++) {
            validateAttachment(v, "attachments[" + i + "]", type, attachments.get(i));
        }
    }

    private static void validateAttachment(Validation v, String field, MessageType type, Attachment a) {
        if (a == null) {
            v.add(field, "is required");
            return;
        }
        v.require((a.fileId() == null) != (a.url() == null), field, "needs exactly one of fileId and url");
        v.require(a.fileId() == null || a.fileId().length() <= 64, field + ".fileId", "is not a file id");
        v.matches(a.url(), URL, field + ".url", "must be an http(s) URL");
        v.requireText(a.name(), field + ".name", 1, 255);
        v.require(a.size() >= 0 && a.size() <= MAX_ATTACHMENT_SIZE, field + ".size", "must be between 0 and " + MAX_ATTACHMENT_SIZE);
        v.require(a.mimeType() != null, field + ".mimeType", "is required");
        v.matches(a.mimeType(), MIME, field + ".mimeType", "is not a MIME type");
        if (a.mimeType() != null && type == MessageType.IMAGE) {
            v.require(a.mimeType().startsWith("image/"), field + ".mimeType", "must be an image type");
        }
        if (a.mimeType() != null && type == MessageType.VOICE) {
            v.require(a.mimeType().startsWith("audio/"), field + ".mimeType", "must be an audio type");
        }
        v.require(a.width() == null || (a.width() > 0 && a.width() <= 100_000), field + ".width", "must be 1-100000");
        v.require(a.height() == null || (a.height() > 0 && a.height() <= 100_000), field + ".height", "must be 1-100000");
        v.require(a.durationMs() == null || (a.durationMs() >= 0 && a.durationMs() <= 86_400_000L), field + ".durationMs",
                "must be 0-86400000");
    }

    private static void validateMentions(Validation v, List<String> mentions, Limits limits) {
        v.maxSize(mentions, "mentions", limits.maxMentions());
        if (mentions == null) return;
        for (int i = 0; i < mentions.size(); i++) {
            v.require(mentions.get(i) != null && mentions.get(i).length() <= 64, "mentions[" + i + "]", "is not a user id");
        }
    }

    static void validateMentionAll(Validation v, boolean mentionAll, ConversationKind kind) {
        v.require(!mentionAll || kind != ConversationKind.DIRECT, "mentionAll", "is not for direct conversations");
    }
}
