package dev.parley.client.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.client.model.Conversation;
import dev.parley.client.model.Message;
import dev.parley.client.model.Role;
import java.time.Instant;
import java.util.List;

/**
 * A persisted change in a conversation, identified by {@code (conversationId, seq)}. The client
 * applies these to its {@link ChatStore} exactly once and in {@code seq} order per conversation:
 * repeats are dropped and a gap is filled (by a resume or a REST backfill) before anything after
 * it is applied. Messages in {@link MessageCreated} are viewer-neutral (no reactions, not pinned,
 * no delivery state); the store applies the reaction and pin events to them.
 */
public sealed interface ConversationEvent extends RealtimeEvent {
    String conversationId();

    long seq();

    /** When the server committed the change. */
    Instant at();

    /** The wire name, e.g. {@code message.created}. */
    String name();

    record MessageCreated(String conversationId, long seq, Instant at, Message message) implements ConversationEvent {
        public String name() { return "message.created"; }
    }

    record MessageEdited(String conversationId, long seq, Instant at, String messageId, String text,
                         List<String> mentions, boolean mentionAll, Instant editedAt) implements ConversationEvent {
        public String name() { return "message.edited"; }
    }

    record MessageDeleted(String conversationId, long seq, Instant at, String messageId, Instant deletedAt)
            implements ConversationEvent {
        public String name() { return "message.deleted"; }
    }

    record ReactionAdded(String conversationId, long seq, Instant at, String messageId, String userId, String emoji)
            implements ConversationEvent {
        public String name() { return "reaction.added"; }
    }

    record ReactionRemoved(String conversationId, long seq, Instant at, String messageId, String userId, String emoji)
            implements ConversationEvent {
        public String name() { return "reaction.removed"; }
    }

    record MessagePinned(String conversationId, long seq, Instant at, String messageId, String userId)
            implements ConversationEvent {
        public String name() { return "message.pinned"; }
    }

    record MessageUnpinned(String conversationId, long seq, Instant at, String messageId, String userId)
            implements ConversationEvent {
        public String name() { return "message.unpinned"; }
    }

    /** The first event of a conversation, with its initial members. */
    record ConversationCreated(String conversationId, long seq, Instant at, Conversation conversation,
                               List<InitialMember> members) implements ConversationEvent {
        public String name() { return "conversation.created"; }
    }

    record ConversationUpdated(String conversationId, long seq, Instant at, String title, String description,
                               String avatarUrl, String byUserId) implements ConversationEvent {
        public String name() { return "conversation.updated"; }
    }

    record ConversationArchived(String conversationId, long seq, Instant at, boolean archived, String byUserId)
            implements ConversationEvent {
        public String name() { return "conversation.archived"; }
    }

    record MemberAdded(String conversationId, long seq, Instant at, String userId, Role role, String byUserId)
            implements ConversationEvent {
        public String name() { return "member.added"; }
    }

    /** {@code byUserId} equals {@code userId} when the member left. */
    record MemberRemoved(String conversationId, long seq, Instant at, String userId, String byUserId)
            implements ConversationEvent {
        public String name() { return "member.removed"; }
    }

    record MemberRoleChanged(String conversationId, long seq, Instant at, String userId, Role role, String byUserId)
            implements ConversationEvent {
        public String name() { return "member.role_changed"; }
    }

    /**
     * A persisted event of a kind this client does not know (a newer server). It still takes its
     * place in the sequence, so nothing after it is mistaken for a gap; the store ignores it.
     */
    record Other(String conversationId, long seq, Instant at, String name, JsonNode data) implements ConversationEvent {
    }

    /** A member named in {@link ConversationCreated}. */
    record InitialMember(String userId, Role role) {
    }
}
