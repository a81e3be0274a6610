package dev.parley.client;

/**
 * The credentials of a built-in login: the short-lived access token, the refresh token that
 * renews it (null if unknown) and the session id.
 */
public record Tokens(String accessToken, String refreshToken, String sessionId) {
    public Tokens {
        if (accessToken == null || accessToken.isBlank()) throw new IllegalArgumentException("accessToken is required");
    }

    /** A bearer token without refresh, e.g. a host application's JWT. */
    public static Tokens bearer(String token) {
        return new Tokens(token, null, null);
    }
}
