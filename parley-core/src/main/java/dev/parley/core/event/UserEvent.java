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
     * The user's read or delivered marker (or both) moved by a {@code delivered} or {@code read}:
     * both markers as they are now, so the receipt can be told without reading them back, and
     * whether the read marker moved (which changes the user's unread count). A send moves its
     * sender's markers too, but its {@code message.created} tells that (the protocol's rule: a
     * message moves its sender's markers to it), so a send records no such event.
     */
    record MarkersMoved(String userId, String conversationId, long readSeq, long deliveredSeq, boolean readMoved,
                        Instant at) implements UserEvent {
        public String type() { return "markers.updated"; }
    }

    record SettingsChanged(String userId, String conversationId, dev.parley.core.conversation.MemberSettings settings)
            implements UserEvent {
        public String type() { return "member.settings_changed"; }
    }
}
