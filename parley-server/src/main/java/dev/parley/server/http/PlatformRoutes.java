package dev.parley.server.http;

import dev.parley.core.access.Actor;
import dev.parley.core.error.ParleyException;
import dev.parley.core.user.AccountService;
import dev.parley.core.user.ExternalIdentity;
import dev.parley.server.http.dto.UserJson;
import dev.parley.server.http.dto.UserRequests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code /api/v1/platform/*}: calls of the host application's back end with the API key. */
public final class PlatformRoutes {
    private PlatformRoutes() {
    }

    public static void register(RoutesConfig routes, AccountService accounts) {
        routes.post("/api/v1/platform/users", ctx -> provision(ctx, accounts));
    }

    private static void provision(Context ctx, AccountService accounts) {
        if (!(Caller.actor(ctx) instanceof Actor.Platform)) {
            throw ParleyException.forbidden("Only the platform API key may provision users");
        }
        var body = Json.body(ctx, UserRequests.ProvisionUser.class);
        var user = accounts.provision(new ExternalIdentity(body.sub(), body.name(), body.email(), body.avatarUrl()));
        ctx.json(UserJson.of(user, true));
    }
}
