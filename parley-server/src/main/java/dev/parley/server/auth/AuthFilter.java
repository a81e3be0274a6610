package dev.parley.server.auth;

import dev.parley.server.http.Caller;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;

/**
 * Authenticates every matched request under {@code /api/v1/} except register, login and refresh:
 * resolves the caller from its credentials and records it with {@link Caller#set}, or answers 401.
 */
public final class AuthFilter {
    static final Set<String> OPEN_PATHS = Set.of("/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh");
    public static final String API_KEY_HEADER = "X-Parley-Api-Key";

    private AuthFilter() {
    }

    public static void register(RoutesConfig routes, Authenticator authenticator) {
        routes.beforeMatched("/api/v1/*", ctx -> authenticate(ctx, authenticator));
    }

    static void authenticate(Context ctx, Authenticator authenticator) {
        if (OPEN_PATHS.contains(stripTrailingSlash(ctx.path()))) return;
        Authenticator.Identity identity = authenticator.authenticate(ctx.header("Authorization"), ctx.header(API_KEY_HEADER));
        Caller.set(ctx, identity.actor(), identity.sessionId());
    }

    private static String stripTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
