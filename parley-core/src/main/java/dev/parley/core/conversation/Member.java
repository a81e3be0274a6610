package dev.parley.core.conversation;

import java.time.Instant;

/**
 * A user's membership in a conversation, with the per-member settings and the read and delivered
 * markers: "read up to seq" and "delivered up to seq", which only ever move forward.
 */
public record Member(
        String conversationId,
        String userId,
        Role role,
        Instant joinedAt,
        long readSeq,
        long deliveredSeq,
        MemberSettings settings) {

    public Member withRole(Role role) {
        return new Member(conversationId, userId, role, joinedAt, readSeq, deliveredSeq, settings);
    }

    public Member withSettings(MemberSettings settings) {
        return new Member(conversationId, userId, role, joinedAt, readSeq, deliveredSeq, settings);
    }
}
