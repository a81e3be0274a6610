package dev.parley.client.model;

import java.time.Instant;

/** One member's own settings in a conversation. */
public record MemberSettings(boolean muted, Instant mutedUntil, boolean pinned, boolean hidden) {
}
