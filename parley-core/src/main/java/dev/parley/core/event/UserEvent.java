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

    /**
     * The user's read or delivered marker (or both) moved: both markers as they are now, so the
     * receipt can be told without reading them back; whether the read marker moved (which
     * changes the user's unread count); and whether the user's own new message moved them, which
     * its {@code message.created} event tells every member already (the protocol's rule: a
     * message moves its sender's markers to it), so no receipt is sent for that.
     */
    record MarkersMoved(String userId, String conversationId, long readSeq, long deliveredSeq, boolean readMoved,
                        boolean bySend, Instant at) implements UserEvent {
        public String type() { return "markers.updated"; }
    }

    record SettingsChanged(String userId, String conversationId, dev.parley.core.conversation.MemberSettings settings)
            implements UserEvent {
        public String type() { return "member.settings_changed"; }
    }
}
