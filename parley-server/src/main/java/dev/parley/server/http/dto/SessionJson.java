package dev.parley.server.http.dto;

import dev.parley.core.user.Session;
import java.time.Instant;

/** A login session on the wire; {@code current} marks the session the request came with. */
public record SessionJson(
        String id,
        String userAgent,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        boolean current) {

    public static SessionJson of(Session session, String currentSessionId) {
        return new SessionJson(session.id(), session.userAgent(), session.createdAt(), session.lastUsedAt(),
                session.expiresAt(), session.id().equals(currentSessionId));
    }
}
