package dev.parley.server.api.dto;

import dev.parley.core.conversation.Member;
import java.time.Instant;

/** A membership with its markers and settings; {@code role} in lower case. */
public record MemberJson(
        String conversationId,
        String userId,
        String role,
        Instant joinedAt,
        long readSeq,
        long deliveredSeq,
        MemberSettingsJson settings) {

    /** Null for null (the platform has no membership). */
    public static MemberJson of(Member m) {
        if (m == null) return null;
        return new MemberJson(m.conversationId(), m.userId(), m.role().wireName(), m.joinedAt(), m.readSeq(),
                m.deliveredSeq(), MemberSettingsJson.of(m.settings()));
    }
}
