package dev.parley.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A partial change of my settings in a conversation; null fields stay as they are. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SettingsUpdate(Boolean muted, Instant mutedUntil, Boolean pinned, Boolean hidden) {
    public static SettingsUpdate pinned(boolean pinned) {
        return new SettingsUpdate(null, null, pinned, null);
    }

    public static SettingsUpdate hidden(boolean hidden) {
        return new SettingsUpdate(null, null, null, hidden);
    }

    public static SettingsUpdate muted(boolean muted, Instant until) {
        return new SettingsUpdate(muted, until, null, null);
    }
}
