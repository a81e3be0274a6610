package dev.parley.server.api.dto;

import dev.parley.core.conversation.MemberSettings;
import java.time.Instant;

/** One member's own settings in a conversation. */
public record MemberSettingsJson(boolean muted, Instant mutedUntil, boolean pinned, boolean hidden) {

    public static MemberSettingsJson of(MemberSettings s) {
        return new MemberSettingsJson(s.muted(), s.mutedUntil(), s.pinned(), s.hidden());
    }
}
