package dev.parley.core.user;

import java.time.Instant;

/**
 * A login session of a built-in account: one device or browser. The refresh token is stored
 * only as a hash and rotates on every refresh; a revoked session's tokens are refused.
 */
public record Session(
        String id,
        String userId,
        String refreshTokenHash,
        String userAgent,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        Instant revokedAt) {

    public boolean isActive(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
