package dev.parley.client;

import static dev.parley.client.Transport.fields;

import dev.parley.client.Transport.Call;
import dev.parley.client.model.Session;
import dev.parley.client.model.TokenResponse;
import java.util.List;

/** Built-in accounts: registration, login, token refresh, logout, password change and sessions. */
public final class AuthApi {
    private final Transport transport;

    AuthApi(Transport transport) {
        this.transport = transport;
    }

    /** Creates an account and signs in (201); the client keeps the new tokens. */
    public TokenResponse register(String username, String password, String displayName, String email) {
        Object body = fields("username", username, "password", password, "displayName", displayName, "email", email);
        return keep(transport.body(Call.anonymous("POST", Transport.API + "/auth/register", body), TokenResponse.class));
    }

    /** Signs in; the client keeps the new tokens. 401 for a wrong username or password. */
    public TokenResponse login(String username, String password) {
        return keep(transport.body(Call.anonymous("POST", Transport.API + "/auth/login",
                fields("username", username, "password", password)), TokenResponse.class));
    }

    /** Renews the tokens with the refresh token the client holds. */
    public TokenResponse refresh() {
        Tokens tokens = transport.tokens();
        if (tokens == null || tokens.refreshToken() == null) {
            throw new IllegalStateException("No refresh token: log in first");
        }
        return refresh(tokens.refreshToken());
    }

    /** Renews the tokens with {@code refreshToken}, which stops working; the client keeps the new tokens. */
    public TokenResponse refresh(String refreshToken) {
        return keep(transport.body(Call.anonymous("POST", Transport.API + "/auth/refresh",
                fields("refreshToken", refreshToken)), TokenResponse.class));
    }

    /** Revokes the current session and forgets its tokens. */
    public void logout() {
        transport.body(Call.of("POST", Transport.API + "/auth/logout", null), Void.class);
        transport.tokens(null);
    }

    /** Changes the password; every other session is revoked. */
    public void changePassword(String currentPassword, String newPassword) {
        transport.body(Call.of("POST", Transport.API + "/auth/password",
                fields("currentPassword", currentPassword, "newPassword", newPassword)), Void.class);
    }

    /** My active sessions; {@link Session#current()} marks this one. */
    public List<Session> sessions() {
        return transport.items(Call.of("GET", Transport.API + "/auth/sessions", null), Session.class);
    }

    /** Revokes one of my sessions. */
    public void revokeSession(String sessionId) {
        transport.body(Call.of("DELETE", Query.path("/auth/sessions/%s", sessionId).toString(), null), Void.class);
    }

    private TokenResponse keep(TokenResponse response) {
        transport.tokens(new Tokens(response.accessToken(), response.refreshToken(), response.sessionId()));
        return response;
    }
}
