package dev.parley.core.presence;

import java.time.Instant;

/**
 * The stored presence of one user: open connections (on every node), the status the user chose
 * ({@code ONLINE} for automatic, {@code AWAY} or {@code DND}), the optional status text and its
 * expiry, the latest activity, when the last connection closed (null while any is open), and
 * the presence last announced to others (null before the first announcement).
 */
public record PresenceState(
        String userId,
        int connections,
        PresenceStatus chosen,
        String statusText,
        Instant statusExpiresAt,
        Instant lastActiveAt,
        Instant disconnectedAt,
        Presence announced) {

    /** A user who has just appeared, with no connection counted yet. */
    public static PresenceState fresh(String userId, Instant now) {
        return new PresenceState(userId, 0, PresenceStatus.ONLINE, null, null, now, now, null);
    }

    /** One more open connection: active now and no longer disconnected. */
    public PresenceState withConnectionOpened(Instant now) {
        return new PresenceState(userId, connections + 1, chosen, statusText, statusExpiresAt, now, null, announced);
    }

    /** One connection fewer; the last one closing starts the grace period. */
    public PresenceState withConnectionClosed(Instant now) {
        int left = Math.max(0, connections - 1);
        return new PresenceState(userId, left, chosen, statusText, statusExpiresAt, lastActiveAt,
                left == 0 ? now : disconnectedAt, announced);
    }

    public PresenceState withActivity(Instant now) {
        return new PresenceState(userId, connections, chosen, statusText, statusExpiresAt, now, disconnectedAt,
                announced);
    }

    public PresenceState withChoice(PresenceStatus status, String text, Instant textExpiresAt) {
        return new PresenceState(userId, connections, status, text, textExpiresAt, lastActiveAt, disconnectedAt,
                announced);
    }

    public PresenceState withAnnounced(Presence presence) {
        return new PresenceState(userId, connections, chosen, statusText, statusExpiresAt, lastActiveAt,
                disconnectedAt, presence);
    }
}
