package dev.parley.core.presence;

import java.time.Duration;
import java.time.Instant;

/**
 * How presence follows from the stored state and the time: {@code online} while a connection is
 * open (or the grace period after the last one closed runs), {@code away} after {@code idle}
 * without a request or when chosen, {@code dnd} when chosen, {@code offline} once the grace
 * period passed. A status text shows until its expiry and never on an offline user.
 */
public record PresenceRules(Duration idle, Duration grace) {
    public static final PresenceRules DEFAULTS = new PresenceRules(Duration.ofMinutes(5), Duration.ofSeconds(10));

    public PresenceRules {
        if (idle.isNegative() || idle.isZero()) throw new IllegalArgumentException("idle must be positive");
        if (grace.isNegative()) throw new IllegalArgumentException("grace must not be negative");
    }

    /** The presence others see at {@code now}. */
    public Presence visible(PresenceState s, Instant now) {
        if (!isConnected(s, now)) return Presence.offline(s.userId(), s.disconnectedAt());
        PresenceStatus status = switch (s.chosen()) {
            case DND -> PresenceStatus.DND;
            case AWAY -> PresenceStatus.AWAY;
            default -> isIdle(s, now) ? PresenceStatus.AWAY : PresenceStatus.ONLINE;
        };
        return new Presence(s.userId(), status, s.lastActiveAt(), statusText(s, now));
    }

    /** Connected: a connection is open, or the last one closed less than the grace period ago. */
    public boolean isConnected(PresenceState s, Instant now) {
        return s.connections() > 0 || (s.disconnectedAt() != null && now.isBefore(s.disconnectedAt().plus(grace)));
    }

    public boolean isIdle(PresenceState s, Instant now) {
        return !now.isBefore(s.lastActiveAt().plus(idle));
    }

    /** The status text, or null if there is none or it expired at {@code now}. */
    public static String statusText(PresenceState s, Instant now) {
        if (s.statusText() == null) return null;
        if (s.statusExpiresAt() != null && !now.isBefore(s.statusExpiresAt())) return null;
        return s.statusText();
    }
}
