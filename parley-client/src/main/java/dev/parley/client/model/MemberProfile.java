package dev.parley.client.model;

import java.time.Instant;

/** A member with the user's public profile, as member lists show it. */
public record MemberProfile(String userId, Role role, Instant joinedAt, long readSeq, long deliveredSeq, User user) {
}
