package dev.parley.core.event;

import java.time.Instant;

/**
 * Changes that concern one user across all their devices and are not part of a conversation's
 * sequence: read and delivered markers, per-member settings. The marker state itself is
 * persisted; these events only tell the user's other connections about it.
 */
public sealed interface UserEvent {
    String userId();

    String type();

    record ReadMarkerMoved(String userId, String conversationId, long readSeq, Instant at) implements UserEvent {
        public String type() { return "read.updated"; }
    }

    record DeliveredMarkerMoved(String userId, String conversationId, long deliveredSeq, Instant at)
            implements UserEvent {
        public String type() { return "delivered.updated"; }
    }

    record SettingsChanged(String userId, String conversationId, dev.parley.core.conversation.MemberSettings settings)
            implements UserEvent {
        public String type() { return "member.settings_changed"; }
    }
}
