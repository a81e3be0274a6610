package dev.parley.client.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.client.model.MemberSettings;
import java.util.Set;

/**
 * An ephemeral event: not part of any conversation's history, never replayed by a resume. Typing
 * sets and presence expire on the server; receipts and unread counts are current values that
 * replace earlier ones.
 */
public sealed interface LiveEvent extends RealtimeEvent {

    /** The full set of users typing in a conversation I {@link ParleyRealtime#focus focus}. */
    record Typing(String conversationId, Set<String> userIds) implements LiveEvent {
    }

    /** A user's presence changed. */
    record PresenceChanged(Presence presence) implements LiveEvent {
    }

    /** A member's read or delivered marker moved. */
    record ReceiptChanged(Receipt receipt) implements LiveEvent {
    }

    /** My exact unread and mention counts of a conversation, as the server counts them. */
    record UnreadChanged(String conversationId, long unreadCount, long mentionCount) implements LiveEvent {
    }

    /** My settings (mute, pin, hide) in a conversation changed, possibly on another device. */
    record SettingsChanged(String conversationId, MemberSettings settings) implements LiveEvent {
    }

    /**
     * I was added to a conversation; its history so far ends at {@code lastSeq}. The client loads
     * it through REST by itself and reports {@link ClientEvent.ConversationLoaded} when done.
     */
    record ConversationAvailable(String conversationId, long lastSeq) implements LiveEvent {
    }

    /** An ephemeral event of a kind this client does not know. */
    record Other(String name, JsonNode data) implements LiveEvent {
    }
}
