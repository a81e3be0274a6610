package dev.parley.server.api;

import dev.parley.core.access.Actor;
import dev.parley.core.conversation.Member;
import dev.parley.server.Services;
import dev.parley.server.api.dto.AddMembersRequest;
import dev.parley.server.api.dto.ChangeRoleRequest;
import dev.parley.server.api.dto.DeliveredMarkerJson;
import dev.parley.server.api.dto.MarkerRequest;
import dev.parley.server.api.dto.MemberJson;
import dev.parley.server.api.dto.MemberProfileJson;
import dev.parley.server.api.dto.MemberSettingsJson;
import dev.parley.server.api.dto.ReadMarkerJson;
import dev.parley.server.api.dto.SettingsRequest;
import dev.parley.server.api.dto.TransferOwnershipRequest;
import dev.parley.server.http.Caller;
import dev.parley.server.http.Json;
import dev.parley.server.http.dto.ItemsJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code /api/v1/conversations/{id}/members…} and the caller's own membership: leaving,
 * ownership, settings and the read and delivered markers.
 */
public final class MemberRoutes {
    private static final String ONE = ConversationRoutes.ONE;

    private final Services services;

    private MemberRoutes(Services services) {
        this.services = services;
    }

    public static void register(RoutesConfig routes, Services services) {
        MemberRoutes r = new MemberRoutes(services);
        routes.get(ONE + "/members", r::list);
        routes.post(ONE + "/members", r::add);
        routes.patch(ONE + "/members/{userId}", r::changeRole);
        routes.delete(ONE + "/members/{userId}", r::remove);
        routes.post(ONE + "/leave", r::leave);
        routes.post(ONE + "/transfer-ownership", r::transferOwnership);
        routes.patch(ONE + "/settings", r::settings);
        routes.post(ONE + "/read", r::read);
        routes.post(ONE + "/delivered", r::delivered);
    }

    private void list(Context ctx) {
        Actor actor = Caller.actor(ctx);
        var details = services.conversations().details(actor, conversationId(ctx));
        Replies.ok(ctx, new ItemsJson<>(details.members().stream().map(p -> MemberProfileJson.of(p, actor)).toList()));
    }

    private void add(Context ctx) {
        AddMembersRequest body = Json.body(ctx, AddMembersRequest.class);
        List<Member> added = services.memberships().add(Caller.actor(ctx), conversationId(ctx), body.userIds(),
                body.parsedRole());
        Replies.ok(ctx, new ItemsJson<>(added.stream().map(MemberJson::of).toList()));
    }

    private void changeRole(Context ctx) {
        ChangeRoleRequest body = Json.body(ctx, ChangeRoleRequest.class);
        Member member = services.memberships().changeRole(Caller.actor(ctx), conversationId(ctx),
                ctx.pathParam("userId"), body.parsedRole());
        Replies.ok(ctx, MemberJson.of(member));
    }

    private void remove(Context ctx) {
        services.memberships().remove(Caller.actor(ctx), conversationId(ctx), ctx.pathParam("userId"));
        Replies.noContent(ctx);
    }

    private void leave(Context ctx) {
        services.memberships().leave(Caller.actor(ctx), conversationId(ctx));
        Replies.noContent(ctx);
    }

    private void transferOwnership(Context ctx) {
        TransferOwnershipRequest body = Json.body(ctx, TransferOwnershipRequest.class);
        services.memberships().transferOwnership(Caller.actor(ctx), conversationId(ctx), body.requiredUserId());
        Replies.noContent(ctx);
    }

    private void settings(Context ctx) {
        SettingsRequest body = Json.body(ctx, SettingsRequest.class);
        var settings = services.memberships().updateSettings(Caller.actor(ctx), conversationId(ctx), body.toCore());
        Replies.ok(ctx, MemberSettingsJson.of(settings));
    }

    private void read(Context ctx) {
        MarkerRequest body = Replies.optionalBody(ctx, MarkerRequest.class, MarkerRequest.EVERYTHING);
        long readSeq = services.receipts().markRead(Caller.actor(ctx), conversationId(ctx), body.seq());
        Replies.ok(ctx, new ReadMarkerJson(readSeq));
    }

    private void delivered(Context ctx) {
        MarkerRequest body = Replies.optionalBody(ctx, MarkerRequest.class, MarkerRequest.EVERYTHING);
        long deliveredSeq = services.receipts().markDelivered(Caller.actor(ctx), conversationId(ctx), body.seq());
        Replies.ok(ctx, new DeliveredMarkerJson(deliveredSeq));
    }

    private static String conversationId(Context ctx) {
        return ctx.pathParam("conversationId");
    }
}
