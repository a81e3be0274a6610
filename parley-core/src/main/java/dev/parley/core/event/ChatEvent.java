package dev.parley.core.event;

import dev.parley.core.conversation.Conversation;
import dev.parley.core.conversation.Role;
import dev.parley.core.message.Message;
import java.time.Instant;
import java.util.List;

/**
 * The closed catalogue of persisted conversation events. Every persisted change in a conversation
 * is exactly one event with the conversation's next {@code seq}; replaying a conversation's events
 * in seq order from any point reproduces its state. {@link #type()} is the stable wire name.
 */
public sealed interface ChatEvent {
    String conversationId();

    long seq();

    Instant at();

    /** The stable wire name, e.g. {@code message.created}. */
    String type();

    record MessageCreated(String conversationId, long seq, Instant at, Message message) implements ChatEvent {
        public String type() { return "message.created"; }
    }

    record MessageEdited(String conversationId, long seq, Instant at, String messageId, String text,
                         List<String> mentions, boolean mentionsAll) implements ChatEvent {
        public String type() { return "message.edited"; }
    }

    record MessageDeleted(String conversationId, long seq, Instant at, String messageId, String deletedBy)
            implements ChatEvent {
        public String type() { return "message.deleted"; }
    }

    record ReactionAdded(String conversationId, long seq, Instant at, String messageId, String userId, String emoji)
            implements ChatEvent {
        public String type() { return "reaction.added"; }
    }

    record ReactionRemoved(String conversationId, long seq, Instant at, String messageId, String userId, String emoji)
            implements ChatEvent {
        public String type() { return "reaction.removed"; }
    }

    record MessagePinned(String conversationId, long seq, Instant at, String messageId, String userId)
            implements ChatEvent {
        public String type() { return "message.pinned"; }
    }

    record MessageUnpinned(String conversationId, long seq, Instant at, String messageId, String userId)
            implements ChatEvent {
        public String type() { return "message.unpinned"; }
    }

    /** The first event of every conversation, with its initial members. */
    record ConversationCreated(String conversationId, long seq, Instant at, Conversation conversation,
                               List<InitialMember> members) implements ChatEvent {
        public String type() { return "conversation.created"; }
    }

    record ConversationUpdated(String conversationId, long seq, Instant at, String title, String description,
                               String avatarUrl, String byUserId) implements ChatEvent {
        public String type() { return "conversation.updated"; }
    }

    record ConversationArchived(String conversationId, long seq, Instant at, boolean archived, String byUserId)
            implements ChatEvent {
        public String type() { return "conversation.archived"; }
    }

    record MemberAdded(String conversationId, long seq, Instant at, String userId, Role role, String byUserId)
            implements ChatEvent {
        public String type() { return "member.added"; }
    }

    /** {@code byUserId} equals {@code userId} when the member left. */
    record MemberRemoved(String conversationId, long seq, Instant at, String userId, String byUserId)
            implements ChatEvent {
        public String type() { return "member.removed"; }
    }

    record MemberRoleChanged(String conversationId, long seq, Instant at, String userId, Role role, String byUserId)
            implements ChatEvent {
        public String type() { return "member.role_changed"; }
    }

    record InitialMember(String userId, Role role) {
    }

    /** Every event type's wire name, in catalogue order. */
    List<String> TYPES = List.of("message.created", "message.edited", "message.deleted", "reaction.added",
            "reaction.removed", "message.pinned", "message.unpinned", "conversation.created",
            "conversation.updated", "conversation.archived", "member.added", "member.removed",
            "member.role_changed");
}
