package dev.parley.core.conversation;

import java.time.Instant;

/** A partial change of my settings in a conversation; null fields stay as they are. */
public record SettingsUpdate(Boolean muted, Instant mutedUntil, Boolean pinned, Boolean hidden) {
}
