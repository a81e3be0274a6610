package dev.parley.server.api.dto;

import dev.parley.core.conversation.SettingsUpdate;
import dev.parley.core.error.Validation;

/** {@code PATCH /conversations/{id}/settings}: null fields stay as they are. */
public record SettingsRequest(Boolean muted, String mutedUntil, Boolean pinned, Boolean hidden) {

    /** The core update; 400 when {@code mutedUntil} is not an ISO-8601 time. */
    public SettingsUpdate toCore() {
        Validation v = new Validation();
        var until = Wire.time(mutedUntil, "mutedUntil", v);
        v.throwIfInvalid();
        return new SettingsUpdate(muted, until, pinned, hidden);
    }
}
