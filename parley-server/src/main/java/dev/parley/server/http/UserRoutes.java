package dev.parley.server.http;

import dev.parley.core.Limits;
import dev.parley.core.access.Actor;
import dev.parley.core.user.AccountService;
import dev.parley.core.support.Inputs;
import dev.parley.core.user.ProfileUpdate;
import dev.parley.server.http.dto.ItemsJson;
import dev.parley.server.http.dto.UserJson;
import dev.parley.server.http.dto.UserRequests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code /api/v1/users*}: my profile, other people's, the directory and my blocks. */
public final class UserRoutes {
    private final AccountService accounts;
    private final Limits limits;

    private UserRoutes(AccountService accounts, Limits limits) {
        this.accounts = accounts;
        this.limits = limits;
    }

    public static void register(RoutesConfig routes, AccountService accounts, Limits limits) {
        UserRoutes r = new UserRoutes(accounts, limits);
        routes.get("/api/v1/users/me", r::me);
        routes.patch("/api/v1/users/me", r::updateMe);
        routes.get("/api/v1/users/me/blocks", r::blocks);
        routes.put("/api/v1/users/me/blocks/{userId}", r::block);
        routes.delete("/api/v1/users/me/blocks/{userId}", r::unblock);
        routes.get("/api/v1/users/{userId}", r::user);
        routes.get("/api/v1/users", r::search);
    }

    private void me(Context ctx) {
        ctx.json(UserJson.of(accounts.get(Caller.userId(ctx)), true));
    }

    private void updateMe(Context ctx) {
        String me = Caller.userId(ctx);
        var body = Json.body(ctx, UserRequests.UpdateProfile.class);
        var updated = accounts.updateProfile(me, new ProfileUpdate(body.displayName(), body.avatarUrl(),
                body.statusText(), body.email()));
        ctx.json(UserJson.of(updated, true));
    }

    private void user(Context ctx) {
        Actor actor = Caller.actor(ctx);
        String userId = ctx.pathParam("userId");
        boolean withEmail = actor instanceof Actor.Platform || userId.equals(actor.userIdOrNull());
        ctx.json(UserJson.of(accounts.get(userId), withEmail));
    }

    private void search(Context ctx) {
        String me = Caller.userId(ctx);
        QueryParams params = new QueryParams(ctx.queryParamMap());
        Integer requested = params.integer("limit");
        String q = params.text("q");
        params.throwIfInvalid();
        int limit = Inputs.pageSize(limits, requested);
        ctx.json(ItemsJson.of(accounts.search(me, q, limit).stream().map(u -> UserJson.of(u, false)).toList()));
    }

    private void blocks(Context ctx) {
        String me = Caller.userId(ctx);
        ctx.json(ItemsJson.of(accounts.blocked(me).stream().map(u -> UserJson.of(u, false)).toList()));
    }

    private void block(Context ctx) {
        accounts.block(Caller.userId(ctx), ctx.pathParam("userId"));
        ctx.status(204);
    }

    private void unblock(Context ctx) {
        accounts.unblock(Caller.userId(ctx), ctx.pathParam("userId"));
        ctx.status(204);
    }
}
