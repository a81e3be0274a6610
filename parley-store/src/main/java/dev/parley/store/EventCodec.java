package dev.parley.store;

import dev.parley.core.event.ChatEvent;
import java.util.Map;

/**
 * Event payloads: each {@link ChatEvent} record as JSON, read back to the record class its
 * {@link ChatEvent#type()} names. Thread-safe.
 */
final class EventCodec {
    /** Every event type's record class, keyed by its wire name; a test checks it covers {@link ChatEvent#TYPES}. */
    static final Map<String, Class<? extends ChatEvent>> CLASSES = Map.ofEntries(
            Map.entry("message.created", ChatEvent.MessageCreated.class),
            Map.entry("message.edited", ChatEvent.MessageEdited.class),
            Map.entry("message.deleted", ChatEvent.MessageDeleted.class),
            Map.entry("reaction.added", ChatEvent.ReactionAdded.class),
            Map.entry("reaction.removed", ChatEvent.ReactionRemoved.class),
            Map.entry("message.pinned", ChatEvent.MessagePinned.class),
            Map.entry("message.unpinned", ChatEvent.MessageUnpinned.class),
            Map.entry("conversation.created", ChatEvent.ConversationCreated.class),
            Map.entry("conversation.updated", ChatEvent.ConversationUpdated.class),
            Map.entry("conversation.archived", ChatEvent.ConversationArchived.class),
            Map.entry("member.added", ChatEvent.MemberAdded.class),
            Map.entry("member.removed", ChatEvent.MemberRemoved.class),
            Map.entry("member.role_changed", ChatEvent.MemberRoleChanged.class));

    private EventCodec() {
    }

    static String payload(ChatEvent event) {
        return JsonCodec.write(event);
    }

    static ChatEvent event(String type, String payload) {
        Class<? extends ChatEvent> recordClass = CLASSES.get(type);
        if (recordClass == null) throw new IllegalStateException("Unknown stored event type " + type);
        return JsonCodec.read(payload, recordClass);
    }
}
