package dev.parley.server.api;

import dev.parley.server.http.QueryParams;

import dev.parley.core.access.Actor;
import dev.parley.core.conversation.ConversationFilter;
import dev.parley.core.conversation.ConversationSummary;
import dev.parley.core.conversation.Opened;
import dev.parley.core.support.Page;
import dev.parley.server.Services;
import dev.parley.server.api.dto.ConversationJson;
import dev.parley.server.api.dto.CreateConversationRequest;
import dev.parley.server.api.dto.DetailsJson;
import dev.parley.server.api.dto.OpenDirectRequest;
import dev.parley.server.api.dto.PageJson;
import dev.parley.server.api.dto.SummaryJson;
import dev.parley.server.api.dto.UpdateConversationRequest;
import dev.parley.server.http.Caller;
import dev.parley.server.http.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code /api/v1/conversations}: open, create, list, show, rename and archive conversations. */
public final class ConversationRoutes {
    static final String BASE = "/api/v1/conversations";
    static final String ONE = BASE + "/{conversationId}";

    private final Services services;

    private ConversationRoutes(Services services) {
        this.services = services;
    }

    public static void register(RoutesConfig routes, Services services) {
        ConversationRoutes r = new ConversationRoutes(services);
        routes.post(BASE + "/direct", r::openDirect);
        routes.post(BASE, r::create);
        routes.get(BASE, r::list);
        routes.get(ONE, r::details);
        routes.patch(ONE, r::update);
        routes.put(ONE + "/archive", ctx -> r.archive(ctx, true));
        routes.delete(ONE + "/archive", ctx -> r.archive(ctx, false));
    }

    private void openDirect(Context ctx) {
        OpenDirectRequest body = Json.body(ctx, OpenDirectRequest.class);
        Opened opened = services.conversations().openDirect(Caller.actor(ctx), body.userId());
        Replies.createdOrOk(ctx, opened.created(), ConversationJson.of(opened.conversation()));
    }

    private void create(Context ctx) {
        CreateConversationRequest body = Json.body(ctx, CreateConversationRequest.class);
        Actor actor = Caller.actor(ctx);
        Opened opened = services.conversations().create(actor, body.toCore());
        Replies.createdOrOk(ctx, opened.created(), ConversationJson.of(opened.conversation()));
    }

    private void list(Context ctx) {
        String me = Caller.userId(ctx);
        ListQuery query = ListQuery.parse(new QueryParams(ctx.queryParamMap()));
        Page<ConversationSummary> page = services.conversations().list(me, query.filter(), query.cursor(), query.limit());
        Replies.ok(ctx, new PageJson<>(page.items().stream().map(SummaryJson::of).toList(), page.nextCursor()));
    }

    private void details(Context ctx) {
        Actor actor = Caller.actor(ctx);
        var details = services.conversations().details(actor, ctx.pathParam("conversationId"));
        Replies.ok(ctx, DetailsJson.of(details, actor));
    }

    private void update(Context ctx) {
        UpdateConversationRequest body = Json.body(ctx, UpdateConversationRequest.class);
        var updated = services.conversations().update(Caller.actor(ctx), ctx.pathParam("conversationId"),
                body.title(), body.description(), body.avatarUrl());
        Replies.ok(ctx, ConversationJson.of(updated));
    }

    private void archive(Context ctx, boolean archived) {
        var conversation = services.conversations().setArchived(Caller.actor(ctx), ctx.pathParam("conversationId"),
                archived);
        Replies.ok(ctx, ConversationJson.of(conversation));
    }

    /** The query of {@code GET /conversations}: filters, cursor and page size. */
    record ListQuery(ConversationFilter filter, String cursor, Integer limit) {

        static ListQuery parse(QueryParams q) {
            var kind = q.kind("kind");
            String courseId = q.text("courseId");
            Boolean archived = q.bool("archived");
            Boolean pinned = q.bool("pinned");
            String title = q.text("q");
            Boolean includeHidden = q.bool("includeHidden");
            String cursor = q.text("cursor");
            Integer limit = q.integer("limit");
            q.throwIfInvalid();
            return new ListQuery(new ConversationFilter(kind, courseId, archived, pinned, title,
                    Boolean.TRUE.equals(includeHidden)), cursor, limit);
        }
    }
}
