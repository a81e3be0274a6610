package dev.parley.server.http;

import dev.parley.core.error.ParleyException;
import dev.parley.core.error.Validation;
import dev.parley.core.user.AccountService;
import dev.parley.core.user.Session;
import dev.parley.core.user.User;
import dev.parley.server.auth.TokenService;
import dev.parley.server.http.dto.AuthRequests;
import dev.parley.server.http.dto.ItemsJson;
import dev.parley.server.http.dto.SessionJson;
import dev.parley.server.http.dto.TokenResponse;
import dev.parley.server.http.dto.UserJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;

/** {@code /api/v1/auth/*}: built-in accounts, their tokens and login sessions. */
public final class AuthRoutes {
    private final AccountService accounts;
    private final TokenService tokens;
    private final Duration refreshTokenTtl;
    private final boolean registrationEnabled;

    private AuthRoutes(AccountService accounts, TokenService tokens, Duration refreshTokenTtl, boolean registrationEnabled) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.refreshTokenTtl = refreshTokenTtl;
        this.registrationEnabled = registrationEnabled;
    }

    public static void register(RoutesConfig routes, AccountService accounts, TokenService tokens,
                                Duration refreshTokenTtl, boolean registrationEnabled) {
        AuthRoutes r = new AuthRoutes(accounts, tokens, refreshTokenTtl, registrationEnabled);
        routes.post("/api/v1/auth/register", r::register);
        routes.post("/api/v1/auth/login", r::login);
        routes.post("/api/v1/auth/refresh", r::refresh);
        routes.post("/api/v1/auth/logout", r::logout);
        routes.post("/api/v1/auth/password", r::changePassword);
        routes.get("/api/v1/auth/sessions", r::sessions);
        routes.delete("/api/v1/auth/sessions/{sessionId}", r::revokeSession);
    }

    private void register(Context ctx) {
        if (!registrationEnabled) throw ParleyException.forbidden("Registration is disabled on this server");
        var body = Json.body(ctx, AuthRequests.Register.class);
        User user = accounts.register(body.username(), body.password(), body.displayName(), body.email());
        ctx.status(201).json(startSession(ctx, user));
    }

    private void login(Context ctx) {
        var body = Json.body(ctx, AuthRequests.Login.class);
        new Validation()
                .require(body.username() != null, "username", "is required")
                .require(body.password() != null, "password", "is required")
                .throwIfInvalid();
        User user = accounts.authenticate(body.username(), body.password());
        ctx.json(startSession(ctx, user));
    }

    private void refresh(Context ctx) {
        var body = Json.body(ctx, AuthRequests.Refresh.class);
        new Validation().requireText(body.refreshToken(), "refreshToken", 1, 200).throwIfInvalid();
        String refreshToken = tokens.newRefreshToken();
        Session session = accounts.rotateSession(TokenService.hashRefreshToken(body.refreshToken()),
                TokenService.hashRefreshToken(refreshToken), refreshTokenTtl);
        ctx.json(response(accounts.get(session.userId()), session, refreshToken));
    }

    private void logout(Context ctx) {
        String userId = Caller.userId(ctx);
        String sessionId = Caller.sessionId(ctx);
        if (sessionId != null) accounts.revokeSession(userId, sessionId);
        ctx.status(204);
    }

    private void changePassword(Context ctx) {
        String userId = Caller.userId(ctx);
        var body = Json.body(ctx, AuthRequests.ChangePassword.class);
        new Validation().require(body.currentPassword() != null, "currentPassword", "is required").throwIfInvalid();
        accounts.changePassword(userId, body.currentPassword(), body.newPassword(), Caller.sessionId(ctx));
        ctx.status(204);
    }

    private void sessions(Context ctx) {
        String userId = Caller.userId(ctx);
        String current = Caller.sessionId(ctx);
        ctx.json(ItemsJson.of(accounts.sessions(userId).stream().map(s -> SessionJson.of(s, current)).toList()));
    }

    private void revokeSession(Context ctx) {
        accounts.revokeSession(Caller.userId(ctx), ctx.pathParam("sessionId"));
        ctx.status(204);
    }

    private TokenResponse startSession(Context ctx, User user) {
        String refreshToken = tokens.newRefreshToken();
        Session session = accounts.startSession(user.id(), TokenService.hashRefreshToken(refreshToken), ctx.userAgent(),
                refreshTokenTtl);
        return response(user, session, refreshToken);
    }

    private TokenResponse response(User user, Session session, String refreshToken) {
        return new TokenResponse(UserJson.of(user, true), tokens.accessToken(user.id(), session.id()), refreshToken,
                tokens.accessTokenTtl().toSeconds(), session.id());
    }
}
