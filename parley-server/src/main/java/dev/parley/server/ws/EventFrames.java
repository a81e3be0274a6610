package dev.parley.server.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.core.event.ChatEvent;
import dev.parley.core.event.UserEvent;
import dev.parley.core.message.Message;
import dev.parley.core.presence.Presence;
import dev.parley.core.receipt.UnreadCount;
import dev.parley.core.typing.TypingChange;
import dev.parley.server.api.dto.ConversationJson;
import dev.parley.server.api.dto.MemberSettingsJson;
import dev.parley.server.api.dto.MessageJson;
import dev.parley.server.http.Json;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event frames the server sends, as JSON text (docs/protocol.md, "Frames from the server").
 * Persisted events carry their conversation, {@code seq} and time; the others only {@code data}.
 * Every {@link ChatEvent} type is mapped here, in one exhaustive switch. A message in an event is
 * viewer-neutral: no reactions, not pinned, no delivery state and no {@code deletedBy}.
 */
final class EventFrames {
    private record Persisted(String type, String event, String conversationId, long seq, Instant at, Object data) {
    }

    private record Ephemeral(String type, String event, Object data) {
    }

    private EventFrames() {
    }

    /** The frame of a persisted event. */
    static String of(ChatEvent event) {
        return write(new Persisted("event", event.type(), event.conversationId(), event.seq(), event.at(), data(event)));
    }

    private static Object data(ChatEvent event) {
        return switch (event) {
            case ChatEvent.MessageCreated e -> fields("message", message(e.message()));
            case ChatEvent.MessageEdited e -> fields("messageId", e.messageId(), "text", e.text(),
                    "mentions", e.mentions() == null ? List.of() : e.mentions(), "mentionAll", e.mentionsAll(),
                    "editedAt", e.at());
            case ChatEvent.MessageDeleted e -> fields("messageId", e.messageId(), "deletedAt", e.at());
            case ChatEvent.ReactionAdded e -> fields("messageId", e.messageId(), "userId", e.userId(), "emoji", e.emoji());
            case ChatEvent.ReactionRemoved e -> fields("messageId", e.messageId(), "userId", e.userId(), "emoji", e.emoji());
            case ChatEvent.MessagePinned e -> fields("messageId", e.messageId(), "userId", e.userId());
            case ChatEvent.MessageUnpinned e -> fields("messageId", e.messageId(), "userId", e.userId());
            case ChatEvent.ConversationCreated e -> fields("conversation", ConversationJson.of(e.conversation()),
                    "members", e.members().stream().map(m -> fields("userId", m.userId(), "role", m.role().wireName()))
                            .toList());
            case ChatEvent.ConversationUpdated e -> fields("title", e.title(), "description", e.description(),
                    "avatarUrl", e.avatarUrl(), "byUserId", e.byUserId());
            case ChatEvent.ConversationArchived e -> fields("archived", e.archived(), "byUserId", e.byUserId());
            case ChatEvent.MemberAdded e -> fields("userId", e.userId(), "role", e.role().wireName(),
                    "byUserId", e.byUserId());
            case ChatEvent.MemberRemoved e -> fields("userId", e.userId(), "byUserId", e.byUserId());
            case ChatEvent.MemberRoleChanged e -> fields("userId", e.userId(), "role", e.role().wireName(),
                    "byUserId", e.byUserId());
        };
    }

    /** The viewer-neutral message of an event: the preview shape without {@code deletedBy}. */
    private static ObjectNode message(Message message) {
        ObjectNode node = Json.MAPPER.valueToTree(MessageJson.preview(message, false));
        node.remove("deletedBy");
        return node;
    }

    /** {@code typing}: the full set of typers of a conversation. */
    static String typing(TypingChange change) {
        return ephemeral("typing", fields("conversationId", change.conversationId(), "userIds", change.userIds()));
    }

    /** {@code presence}: one user's presence. */
    static String presence(Presence presence) {
        return ephemeral("presence", presenceJson(presence));
    }

    /** The presence shape of events and results: {@code {userId, status, lastSeenAt, statusText}}. */
    static Map<String, Object> presenceJson(Presence p) {
        return fields("userId", p.userId(), "status", p.status().wireName(), "lastSeenAt", p.lastSeenAt(),
                "statusText", p.statusText());
    }

    /** {@code receipt}: a member's read and delivered markers. */
    static String receipt(UserEvent.MarkersMoved moved) {
        return ephemeral("receipt", fields("conversationId", moved.conversationId(), "userId", moved.userId(),
                "readSeq", moved.readSeq(), "deliveredSeq", moved.deliveredSeq()));
    }

    /** {@code unread}: the user's badge of one conversation. */
    static String unread(String conversationId, UnreadCount count) {
        return ephemeral("unread", fields("conversationId", conversationId, "unreadCount", count.unreadCount(),
                "mentionCount", count.mentionCount()));
    }

    /** {@code member.settings_changed}: the user's own settings in a conversation. */
    static String settingsChanged(UserEvent.SettingsChanged event) {
        return ephemeral(event.type(), fields("conversationId", event.conversationId(),
                "settings", MemberSettingsJson.of(event.settings())));
    }

    /** {@code conversation.available}: the user was added to a conversation; {@code lastSeq} is their position. */
    static String available(String conversationId, long lastSeq) {
        return ephemeral("conversation.available", fields("conversationId", conversationId, "lastSeq", lastSeq));
    }

    private static String ephemeral(String event, Object data) {
        return write(new Ephemeral("event", event, data));
    }

    /** An ordered JSON object from alternating names and values (values may be null). */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    static String write(Object frame) {
        try {
            return Json.MAPPER.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not write a frame as JSON", e);
        }
    }
}
