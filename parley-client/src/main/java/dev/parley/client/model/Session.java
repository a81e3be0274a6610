package dev.parley.client.model;

import java.time.Instant;

/** A login session (one device); {@code current} marks the one making the call. */
public record Session(String id, String userAgent, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
                      boolean current) {
}
