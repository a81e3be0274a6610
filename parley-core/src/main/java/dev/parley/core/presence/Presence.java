package dev.parley.core.presence;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's presence as others see it. {@code lastSeenAt}: for a connected user the time of their
 * latest request (or connection), for an offline one when their last connection closed; null if
 * never seen. {@code statusText} is null when none is set or it expired.
 */
public record Presence(String userId, PresenceStatus status, Instant lastSeenAt, String statusText) {

    /** An offline user with the given last-seen time (may be null). */
    public static Presence offline(String userId, Instant lastSeenAt) {
        return new Presence(userId, PresenceStatus.OFFLINE, lastSeenAt, null);
    }

    /** True if others would notice a difference: status or status text ({@code lastSeenAt} moves on its own). */
    public boolean looksLike(Presence other) {
        return other != null && status == other.status && Objects.equals(statusText, other.statusText);
    }
}
