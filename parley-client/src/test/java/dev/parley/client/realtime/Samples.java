package dev.parley.client.realtime;

import dev.parley.client.model.Conversation;
import dev.parley.client.model.ConversationKind;
import dev.parley.client.model.ConversationSummary;
import dev.parley.client.model.Member;
import dev.parley.client.model.MemberSettings;
import dev.parley.client.model.Message;
import dev.parley.client.model.MessageType;
import dev.parley.client.model.Role;
import java.time.Instant;
import java.util.List;

/** Test data: messages, conversations, summaries and server frames. */
final class Samples {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final String ME = "u_me";

    private Samples() {
    }

    static Instant at(long seq) {
        return T0.plusSeconds(seq);
    }

    static Message message(String id, String conversationId, long seq, String sender, String text) {
        return new Message(id, conversationId, seq, sender, "c-" + id, MessageType.TEXT, text, null, List.of(), null, null,
                List.of(), false, null, at(seq), null, null, null, null, List.of(), false, null);
    }

    static Message mentioning(Message m, String... userIds) {
        return new Message(m.id(), m.conversationId(), m.seq(), m.senderId(), m.clientMessageId(), m.type(), m.text(),
                null, List.of(), null, m.threadRootId(), List.of(userIds), false, null, m.createdAt(), null, null, null,
                m.thread(), List.of(), false, null);
    }

    static Message reply(Message m, String rootId) {
        return new Message(m.id(), m.conversationId(), m.seq(), m.senderId(), m.clientMessageId(), m.type(), m.text(),
                null, List.of(), null, rootId, m.mentions(), false, null, m.createdAt(), null, null, null, null, List.of(),
                false, null);
    }

    static Conversation conversation(String id, long lastSeq) {
        return new Conversation(id, ConversationKind.GROUP, "Title " + id, null, null, null, false, "u_owner", T0, T0,
                lastSeq);
    }

    static ConversationSummary summary(String id, long lastSeq, long readSeq, long unread, long mentions) {
        Member me = new Member(id, ME, Role.MEMBER, T0, readSeq, readSeq,
                new MemberSettings(false, null, false, false));
        return new ConversationSummary(conversation(id, lastSeq), me, unread, mentions, null, null, null);
    }

    // ---- frames ----

    static String json(Object value) {
        return RealtimeJson.write(value);
    }

    static String event(String conversationId, long seq, String name, String data) {
        return "{\"type\":\"event\",\"event\":\"" + name + "\",\"conversationId\":\"" + conversationId + "\",\"seq\":" + seq
                + ",\"at\":\"" + at(seq) + "\",\"data\":" + data + "}";
    }

    static String live(String name, String data) {
        return "{\"type\":\"event\",\"event\":\"" + name + "\",\"data\":" + data + "}";
    }

    static String created(Message m) {
        return event(m.conversationId(), m.seq(), "message.created", "{\"message\":" + json(m) + "}");
    }

    static String created(String conversationId, long seq, String sender, String text) {
        return created(message("m" + conversationId + "-" + seq, conversationId, seq, sender, text));
    }

    static String edited(String conversationId, long seq, String messageId, String text) {
        return event(conversationId, seq, "message.edited", "{\"messageId\":\"" + messageId + "\",\"text\":\"" + text
                + "\",\"mentions\":[],\"mentionAll\":false,\"editedAt\":\"" + at(seq) + "\"}");
    }

    static String deleted(String conversationId, long seq, String messageId) {
        return event(conversationId, seq, "message.deleted", "{\"messageId\":\"" + messageId + "\",\"deletedAt\":\"" + at(seq) + "\"}");
    }

    static String reaction(String conversationId, long seq, boolean added, String messageId, String userId, String emoji) {
        return event(conversationId, seq, added ? "reaction.added" : "reaction.removed", "{\"messageId\":\"" + messageId
                + "\",\"userId\":\"" + userId + "\",\"emoji\":\"" + emoji + "\"}");
    }

    static String memberRemoved(String conversationId, long seq, String userId) {
        return event(conversationId, seq, "member.removed", "{\"userId\":\"" + userId + "\",\"byUserId\":\"u_owner\"}");
    }

    static String conversationCreated(String conversationId, String... memberIds) {
        StringBuilder members = new StringBuilder("[");
        for (int i = 0; i < memberIds.length; i++) {
            if (i > 0) members.append(',');
            members.append("{\"userId\":\"").append(memberIds[i]).append("\",\"role\":\"").append(i == 0 ? "owner" : "member").append("\"}");
        }
        members.append(']');
        return event(conversationId, 1, "conversation.created", "{\"conversation\":" + json(conversation(conversationId, 1))
                + ",\"members\":" + members + "}");
    }

    static String ok(String id, String result) {
        return "{\"type\":\"ok\",\"id\":\"" + id + "\",\"result\":" + result + "}";
    }

    static String error(String id, String code) {
        return "{\"type\":\"error\",\"id\":" + (id == null ? "null" : "\"" + id + "\"") + ",\"error\":{\"code\":\"" + code
                + "\",\"message\":\"refused: " + code + "\",\"details\":[]}}";
    }
}
