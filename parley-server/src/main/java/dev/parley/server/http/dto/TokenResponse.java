package dev.parley.server.http.dto;

/** What register, login and refresh answer: the user and a fresh pair of tokens. */
public record TokenResponse(
        UserJson user,
        String accessToken,
        String refreshToken,
        long expiresIn,
        String sessionId) {
}
