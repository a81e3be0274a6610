package dev.parley.server.api;

import dev.parley.server.http.QueryParams;

import dev.parley.core.Limits;
import dev.parley.core.access.Actor;
import dev.parley.core.message.HistoryQuery;
import dev.parley.core.message.SendResult;
import dev.parley.core.support.Inputs;
import dev.parley.server.Services;
import dev.parley.server.api.dto.EditJson;
import dev.parley.server.api.dto.EditMessageRequest;
import dev.parley.server.api.dto.ForwardRequest;
import dev.parley.server.api.dto.HistoryJson;
import dev.parley.server.api.dto.MessageJson;
import dev.parley.server.api.dto.SendMessageRequest;
import dev.parley.server.http.Caller;
import dev.parley.server.http.Json;
import dev.parley.server.http.dto.ItemsJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Messages: sending and history under {@code /api/v1/conversations/{id}}, and everything done to
 * one message under {@code /api/v1/messages/{messageId}}. Every message in an answer is shown as
 * the caller sees it (tombstones for deleted ones, reactions, pin flag, own delivery state).
 */
public final class MessageRoutes {
    private static final String IN_CONVERSATION = ConversationRoutes.ONE;
    private static final String ONE = "/api/v1/messages/{messageId}";

    private final Services services;

    private MessageRoutes(Services services) {
        this.services = services;
    }

    public static void register(RoutesConfig routes, Services services) {
        MessageRoutes r = new MessageRoutes(services);
        routes.post(IN_CONVERSATION + "/messages", r::send);
        routes.get(IN_CONVERSATION + "/messages", r::history);
        routes.get(IN_CONVERSATION + "/pins", r::pins);
        routes.get(ONE, r::get);
        routes.patch(ONE, r::edit);
        routes.delete(ONE, r::delete);
        routes.get(ONE + "/edits", r::edits);
        routes.put(ONE + "/reactions/{emoji}", r::react);
        routes.delete(ONE + "/reactions/{emoji}", r::unreact);
        routes.put(ONE + "/pin", r::pin);
        routes.delete(ONE + "/pin", r::unpin);
        routes.post(ONE + "/forward", r::forward);
    }

    private void send(Context ctx) {
        SendMessageRequest body = Json.body(ctx, SendMessageRequest.class);
        Actor actor = Caller.actor(ctx);
        SendResult result = services.messages().send(actor, ctx.pathParam("conversationId"), body.toCore());
        Replies.createdOrOk(ctx, result.created(), MessageJson.of(services.reader().sent(actor, result)));
    }

    private void history(Context ctx) {
        Actor actor = Caller.actor(ctx);
        HistoryQuery query = parseHistory(new QueryParams(ctx.queryParamMap()), services.ports().limits());
        var page = services.reader().history(actor, ctx.pathParam("conversationId"), query);
        Replies.json(ctx, HttpStatus.OK, HistoryJson.bytes(page));
    }

    private void pins(Context ctx) {
        var pinned = services.reader().pinned(Caller.actor(ctx), ctx.pathParam("conversationId"));
        Replies.ok(ctx, new ItemsJson<>(pinned.stream().map(MessageJson::of).toList()));
    }

    private void get(Context ctx) {
        Replies.ok(ctx, view(Caller.actor(ctx), messageId(ctx)));
    }

    private void edit(Context ctx) {
        EditMessageRequest body = Json.body(ctx, EditMessageRequest.class);
        Actor actor = Caller.actor(ctx);
        var edited = services.messages().edit(actor, messageId(ctx), body.text(), body.mentions(), body.mentionsAll());
        Replies.ok(ctx, view(actor, edited.id()));
    }

    private void delete(Context ctx) {
        Actor actor = Caller.actor(ctx);
        var deleted = services.messages().delete(actor, messageId(ctx));
        Replies.ok(ctx, view(actor, deleted.id()));
    }

    private void edits(Context ctx) {
        var edits = services.reader().edits(Caller.actor(ctx), messageId(ctx));
        Replies.ok(ctx, new ItemsJson<>(edits.stream().map(EditJson::of).toList()));
    }

    private void react(Context ctx) {
        services.reactions().react(Caller.actor(ctx), messageId(ctx), ctx.pathParam("emoji"));
        Replies.noContent(ctx);
    }

    private void unreact(Context ctx) {
        services.reactions().unreact(Caller.actor(ctx), messageId(ctx), ctx.pathParam("emoji"));
        Replies.noContent(ctx);
    }

    private void pin(Context ctx) {
        services.reactions().pin(Caller.actor(ctx), messageId(ctx));
        Replies.noContent(ctx);
    }

    private void unpin(Context ctx) {
        services.reactions().unpin(Caller.actor(ctx), messageId(ctx));
        Replies.noContent(ctx);
    }

    private void forward(Context ctx) {
        ForwardRequest body = Json.body(ctx, ForwardRequest.class);
        Actor actor = Caller.actor(ctx);
        SendResult result = services.messages().forward(actor, messageId(ctx), body.conversationId(),
                body.clientMessageId());
        Replies.createdOrOk(ctx, result.created(), MessageJson.of(services.reader().sent(actor, result)));
    }

    /** The message as the actor sees it now: never the raw stored row (a deleted one's text stays hidden). */
    private MessageJson view(Actor actor, String messageId) {
        return MessageJson.of(services.reader().get(actor, messageId));
    }

    private static String messageId(Context ctx) {
        return ctx.pathParam("messageId");
    }

    /** The query of {@code GET …/messages}: one anchor of before, after, around, firstUnread; thread; limit; markRead. */
    static HistoryQuery parseHistory(QueryParams q, Limits limits) {
        Long before = q.whole("before");
        Long after = q.whole("after");
        String around = q.text("around");
        Boolean firstUnread = q.bool("firstUnread");
        String thread = q.text("thread");
        Integer limit = q.integer("limit");
        Boolean markRead = q.bool("markRead");
        q.throwIfInvalid();
        int size = Inputs.pageSize(limits, limit);
        return new HistoryQuery(before, after, around, Boolean.TRUE.equals(firstUnread), thread, size,
                Boolean.TRUE.equals(markRead));
    }
}
