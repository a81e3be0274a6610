package dev.parley.server.api.dto;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.parley.core.message.Attachment;
import dev.parley.core.message.DeliveryState;
import dev.parley.core.message.Message;
import dev.parley.core.message.MessageView;
import dev.parley.core.message.ReactionCount;
import java.io.IOException;
import java.util.List;

/**
 * A message as one viewer sees it: reactions, pin flag and, on the viewer's own messages, the
 * delivery state (null otherwise). {@code type} and {@code delivery.status} are lower case.
 *
 * <p>The JSON is written field by field on Jackson's streaming generator ({@link #write}), in the
 * order of the Message schema of docs/api/openapi.yaml, with every field present (null when it
 * has no value) and times as {@link java.time.Instant#toString()}: no reflection and no copy of
 * the message per answer. A page of history writes fifty of them.
 */
@JsonSerialize(using = MessageJson.Writer.class)
public final class MessageJson {
    private static final SerializableString ID = name("id");
    private static final SerializableString CONVERSATION_ID = name("conversationId");
    private static final SerializableString SEQ = name("seq");
    private static final SerializableString SENDER_ID = name("senderId");
    private static final SerializableString CLIENT_MESSAGE_ID = name("clientMessageId");
    private static final SerializableString TYPE = name("type");
    private static final SerializableString TEXT = name("text");
    private static final SerializableString CODE_LANGUAGE = name("codeLanguage");
    private static final SerializableString ATTACHMENTS = name("attachments");
    private static final SerializableString REPLY_TO_ID = name("replyToId");
    private static final SerializableString THREAD_ROOT_ID = name("threadRootId");
    private static final SerializableString MENTIONS = name("mentions");
    private static final SerializableString MENTION_ALL = name("mentionAll");
    private static final SerializableString FORWARDED_FROM = name("forwardedFrom");
    private static final SerializableString MESSAGE_ID = name("messageId");
    private static final SerializableString CREATED_AT = name("createdAt");
    private static final SerializableString EDITED_AT = name("editedAt");
    private static final SerializableString DELETED_AT = name("deletedAt");
    private static final SerializableString DELETED_BY = name("deletedBy");
    private static final SerializableString THREAD = name("thread");
    private static final SerializableString REPLY_COUNT = name("replyCount");
    private static final SerializableString LAST_REPLY_AT = name("lastReplyAt");
    private static final SerializableString PARTICIPANT_IDS = name("participantIds");
    private static final SerializableString REACTIONS = name("reactions");
    private static final SerializableString EMOJI = name("emoji");
    private static final SerializableString COUNT = name("count");
    private static final SerializableString ME = name("me");
    private static final SerializableString USER_IDS = name("userIds");
    private static final SerializableString PINNED = name("pinned");
    private static final SerializableString DELIVERY = name("delivery");
    private static final SerializableString STATUS = name("status");
    private static final SerializableString DELIVERED_TO = name("deliveredTo");
    private static final SerializableString READ_BY = name("readBy");
    private static final SerializableString RECIPIENTS = name("recipients");
    private static final SerializableString READER_IDS = name("readerIds");
    private static final SerializableString FILE_ID = name("fileId");
    private static final SerializableString URL = name("url");
    private static final SerializableString NAME = name("name");
    private static final SerializableString SIZE = name("size");
    private static final SerializableString MIME_TYPE = name("mimeType");
    private static final SerializableString WIDTH = name("width");
    private static final SerializableString HEIGHT = name("height");
    private static final SerializableString DURATION_MS = name("durationMs");

    private final MessageView view;

    private MessageJson(MessageView view) {
        this.view = view;
    }

    public static MessageJson of(MessageView view) {
        return new MessageJson(view);
    }

    /**
     * A message without the per-viewer parts (no reactions, not pinned, no delivery state), as in a
     * conversation list's preview. A deleted message becomes its tombstone.
     */
    public static MessageJson preview(Message message, boolean seesDeletedBy) {
        Message shown = message.isDeleted() ? message.tombstone(seesDeletedBy) : message;
        return new MessageJson(new MessageView(shown, List.of(), false, null));
    }

    /** Writes the message as one JSON object. */
    public static void write(JsonGenerator g, MessageView view) throws IOException {
        Message m = view.message();
        g.writeStartObject();
        g.writeFieldName(ID);
        g.writeString(m.id());
        g.writeFieldName(CONVERSATION_ID);
        g.writeString(m.conversationId());
        g.writeFieldName(SEQ);
        g.writeNumber(m.seq());
        g.writeFieldName(SENDER_ID);
        g.writeString(m.senderId());
        g.writeFieldName(CLIENT_MESSAGE_ID);
        g.writeString(m.clientMessageId());
        g.writeFieldName(TYPE);
        g.writeString(m.type().wireName());
        g.writeFieldName(TEXT);
        g.writeString(m.text());
        g.writeFieldName(CODE_LANGUAGE);
        g.writeString(m.codeLanguage());
        g.writeFieldName(ATTACHMENTS);
        g.writeStartArray();
        if (m.attachments() != null) {
            for (Attachment a : m.attachments()) attachment(g, a);
        }
        g.writeEndArray();
        g.writeFieldName(REPLY_TO_ID);
        g.writeString(m.replyToId());
        g.writeFieldName(THREAD_ROOT_ID);
        g.writeString(m.threadRootId());
        g.writeFieldName(MENTIONS);
        strings(g, m.mentions());
        g.writeFieldName(MENTION_ALL);
        g.writeBoolean(m.mentionsAll());
        g.writeFieldName(FORWARDED_FROM);
        forwarded(g, m.forwardedFrom());
        g.writeFieldName(CREATED_AT);
        IsoTimes.write(g, m.createdAt());
        g.writeFieldName(EDITED_AT);
        IsoTimes.write(g, m.editedAt());
        g.writeFieldName(DELETED_AT);
        IsoTimes.write(g, m.deletedAt());
        g.writeFieldName(DELETED_BY);
        g.writeString(m.deletedBy());
        g.writeFieldName(THREAD);
        thread(g, m.thread() == null ? Message.ThreadStats.NONE : m.thread());
        g.writeFieldName(REACTIONS);
        g.writeStartArray();
        if (view.reactions() != null) {
            for (ReactionCount r : view.reactions()) reaction(g, r);
        }
        g.writeEndArray();
        g.writeFieldName(PINNED);
        g.writeBoolean(view.pinned());
        g.writeFieldName(DELIVERY);
        delivery(g, view.delivery());
        g.writeEndObject();
    }

    private static void attachment(JsonGenerator g, Attachment a) throws IOException {
        g.writeStartObject();
        g.writeFieldName(FILE_ID);
        g.writeString(a.fileId());
        g.writeFieldName(URL);
        g.writeString(a.url());
        g.writeFieldName(NAME);
        g.writeString(a.name());
        g.writeFieldName(SIZE);
        g.writeNumber(a.size());
        g.writeFieldName(MIME_TYPE);
        g.writeString(a.mimeType());
        g.writeFieldName(WIDTH);
        number(g, a.width());
        g.writeFieldName(HEIGHT);
        number(g, a.height());
        g.writeFieldName(DURATION_MS);
        number(g, a.durationMs());
        g.writeEndObject();
    }

    private static void forwarded(JsonGenerator g, Message.Forwarded forwarded) throws IOException {
        if (forwarded == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeFieldName(MESSAGE_ID);
        g.writeString(forwarded.messageId());
        g.writeFieldName(CONVERSATION_ID);
        g.writeString(forwarded.conversationId());
        g.writeFieldName(SENDER_ID);
        g.writeString(forwarded.senderId());
        g.writeEndObject();
    }

    private static void thread(JsonGenerator g, Message.ThreadStats thread) throws IOException {
        g.writeStartObject();
        g.writeFieldName(REPLY_COUNT);
        g.writeNumber(thread.replyCount());
        g.writeFieldName(LAST_REPLY_AT);
        IsoTimes.write(g, thread.lastReplyAt());
        g.writeFieldName(PARTICIPANT_IDS);
        strings(g, thread.participantIds());
        g.writeEndObject();
    }

    private static void reaction(JsonGenerator g, ReactionCount r) throws IOException {
        g.writeStartObject();
        g.writeFieldName(EMOJI);
        g.writeString(r.emoji());
        g.writeFieldName(COUNT);
        g.writeNumber(r.count());
        g.writeFieldName(ME);
        g.writeBoolean(r.me());
        g.writeFieldName(USER_IDS);
        strings(g, r.userIds());
        g.writeEndObject();
    }

    private static void delivery(JsonGenerator g, DeliveryState delivery) throws IOException {
        if (delivery == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeFieldName(STATUS);
        g.writeString(delivery.status().wireName());
        g.writeFieldName(DELIVERED_TO);
        g.writeNumber(delivery.deliveredTo());
        g.writeFieldName(READ_BY);
        g.writeNumber(delivery.readBy());
        g.writeFieldName(RECIPIENTS);
        g.writeNumber(delivery.recipients());
        g.writeFieldName(READER_IDS);
        strings(g, delivery.readerIds());
        g.writeEndObject();
    }

    /** A JSON array of strings; null is written as an empty array. */
    private static void strings(JsonGenerator g, List<String> values) throws IOException {
        g.writeStartArray();
        if (values != null) {
            for (String value : values) g.writeString(value);
        }
        g.writeEndArray();
    }

    private static void number(JsonGenerator g, Number value) throws IOException {
        if (value == null) g.writeNull();
        else if (value instanceof Integer i) g.writeNumber(i);
        else g.writeNumber(value.longValue());
    }

    private static SerializableString name(String name) {
        return new SerializedString(name);
    }

    /** Jackson's serializer of a {@link MessageJson}: {@link #write}. */
    static final class Writer extends StdSerializer<MessageJson> {
        Writer() {
            super(MessageJson.class);
        }

        @Override
        public void serialize(MessageJson value, JsonGenerator g, SerializerProvider provider) throws IOException {
            write(g, value.view);
        }
    }
}
