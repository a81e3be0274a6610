package dev.parley.client.model;

import java.time.Instant;

/** A membership: role, read and delivered markers and the member's settings. */
public record Member(
        String conversationId,
        String userId,
        Role role,
        Instant joinedAt,
        long readSeq,
        long deliveredSeq,
        MemberSettings settings) {
}
