package dev.parley.client.realtime;

import static dev.parley.client.realtime.RealtimeJson.instant;
import static dev.parley.client.realtime.RealtimeJson.read;
import static dev.parley.client.realtime.RealtimeJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.client.model.Conversation;
import dev.parley.client.model.MemberSettings;
import dev.parley.client.model.Message;
import dev.parley.client.model.Role;
import dev.parley.client.realtime.ConversationEvent.InitialMember;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Turns an {@code event} frame into a {@link ConversationEvent} (it has a {@code seq}) or a {@link LiveEvent}. */
final class EventParser {
    private static final System.Logger LOG = System.getLogger(EventParser.class.getName());

    private EventParser() {
    }

    static RealtimeEvent parse(JsonNode frame) {
        String name = frame.path("event").asText("");
        JsonNode data = frame.path("data");
        JsonNode seq = frame.path("seq");
        if (seq.isIntegralNumber()) {
            String conversationId = text(frame, "conversationId");
            if (conversationId == null) throw new IllegalArgumentException("event " + name + " has a seq but no conversationId");
            Instant at = instant(frame.path("at"));
            try {
                return persisted(name, conversationId, seq.asLong(), at, data);
            } catch (RuntimeException e) {
                // It still takes its place in the sequence; otherwise it would look like a gap forever.
                LOG.log(System.Logger.Level.WARNING, "Cannot read " + name + " " + conversationId + "#" + seq.asLong()
                        + ": " + e.getMessage());
                return new ConversationEvent.Other(conversationId, seq.asLong(), at, name, data);
            }
        }
        return live(name, data);
    }

    private static ConversationEvent persisted(String name, String c, long seq, Instant at, JsonNode d) {
        return switch (name) {
            case "message.created" -> new ConversationEvent.MessageCreated(c, seq, at, required(read(d.path("message"), Message.class), "message"));
            case "message.edited" -> new ConversationEvent.MessageEdited(c, seq, at, text(d, "messageId"), text(d, "text"),
                    strings(d.path("mentions")), d.path("mentionAll").asBoolean(false), instant(d.path("editedAt")));
            case "message.deleted" -> new ConversationEvent.MessageDeleted(c, seq, at, text(d, "messageId"),
                    instant(d.path("deletedAt")));
            case "reaction.added" -> new ConversationEvent.ReactionAdded(c, seq, at, text(d, "messageId"),
                    text(d, "userId"), text(d, "emoji"));
            case "reaction.removed" -> new ConversationEvent.ReactionRemoved(c, seq, at, text(d, "messageId"),
                    text(d, "userId"), text(d, "emoji"));
            case "message.pinned" -> new ConversationEvent.MessagePinned(c, seq, at, text(d, "messageId"), text(d, "userId"));
            case "message.unpinned" -> new ConversationEvent.MessageUnpinned(c, seq, at, text(d, "messageId"),
                    text(d, "userId"));
            case "conversation.created" -> new ConversationEvent.ConversationCreated(c, seq, at,
                    required(read(d.path("conversation"), Conversation.class), "conversation"), members(d.path("members")));
            case "conversation.updated" -> new ConversationEvent.ConversationUpdated(c, seq, at, text(d, "title"),
                    text(d, "description"), text(d, "avatarUrl"), text(d, "byUserId"));
            case "conversation.archived" -> new ConversationEvent.ConversationArchived(c, seq, at,
                    d.path("archived").asBoolean(false), text(d, "byUserId"));
            case "member.added" -> new ConversationEvent.MemberAdded(c, seq, at, text(d, "userId"),
                    read(d.path("role"), Role.class), text(d, "byUserId"));
            case "member.removed" -> new ConversationEvent.MemberRemoved(c, seq, at, text(d, "userId"), text(d, "byUserId"));
            case "member.role_changed" -> new ConversationEvent.MemberRoleChanged(c, seq, at, text(d, "userId"),
                    read(d.path("role"), Role.class), text(d, "byUserId"));
            default -> new ConversationEvent.Other(c, seq, at, name, d);
        };
    }

    private static LiveEvent live(String name, JsonNode d) {
        return switch (name) {
            case "typing" -> new LiveEvent.Typing(text(d, "conversationId"), Set.copyOf(strings(d.path("userIds"))));
            case "presence" -> new LiveEvent.PresenceChanged(required(read(d, Presence.class), "presence"));
            case "receipt" -> new LiveEvent.ReceiptChanged(new Receipt(text(d, "conversationId"), text(d, "userId"),
                    d.path("readSeq").asLong(0), d.path("deliveredSeq").asLong(0)));
            case "unread" -> new LiveEvent.UnreadChanged(text(d, "conversationId"), d.path("unreadCount").asLong(0),
                    d.path("mentionCount").asLong(0));
            case "member.settings_changed" -> new LiveEvent.SettingsChanged(text(d, "conversationId"),
                    read(d.path("settings"), MemberSettings.class));
            case "conversation.available" -> new LiveEvent.ConversationAvailable(text(d, "conversationId"),
                    d.path("lastSeq").asLong(0));
            default -> new LiveEvent.Other(name, d);
        };
    }

    private static <T> T required(T value, String field) {
        if (value == null) throw new IllegalArgumentException(field + " is missing");
        return value;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode item : array) if (item.isTextual()) values.add(item.asText());
        return List.copyOf(values);
    }

    private static List<InitialMember> members(JsonNode array) {
        List<InitialMember> members = new ArrayList<>();
        for (JsonNode m : array) members.add(new InitialMember(text(m, "userId"), read(m.path("role"), Role.class)));
        return List.copyOf(members);
    }
}
