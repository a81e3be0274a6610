package dev.parley.client.model;

/** The answer of register, login and refresh: the user and the tokens of the session. */
public record TokenResponse(User user, String accessToken, String refreshToken, long expiresIn, String sessionId) {
}
