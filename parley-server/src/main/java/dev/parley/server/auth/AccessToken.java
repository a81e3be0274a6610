package dev.parley.server.auth;

import java.time.Instant;

/** The verified content of a Parley access token: who, in which login session, until when. */
public record AccessToken(String userId, String sessionId, Instant expiresAt) {
}
