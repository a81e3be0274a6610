package dev.parley.core.conversation;

import java.time.Instant;

/**
 * One member's own view of a conversation. {@code mutedUntil} null with {@code muted} true
 * means muted until unmuted.
 */
public record MemberSettings(boolean muted, Instant mutedUntil, boolean pinned, boolean hidden) {
    public static final MemberSettings DEFAULT = new MemberSettings(false, null, false, false);

    /** Muted right now: muted and not past the until-time. */
    public boolean isMutedAt(Instant now) {
        return muted && (mutedUntil == null || now.isBefore(mutedUntil));
    }
}
