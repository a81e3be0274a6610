package dev.parley.server.api;

import dev.parley.server.http.QueryParams;

import dev.parley.core.access.Access;
import dev.parley.core.access.Actor;
import dev.parley.core.error.ErrorCode;
import dev.parley.core.error.ParleyException;
import dev.parley.core.message.Message;
import dev.parley.core.message.MessageView;
import dev.parley.core.search.SearchHit;
import dev.parley.core.search.SearchQuery;
import dev.parley.core.support.Page;
import dev.parley.server.Services;
import dev.parley.server.api.dto.PageJson;
import dev.parley.server.api.dto.SearchResultJson;
import dev.parley.server.http.Caller;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/search}: full-text search over the caller's conversations, whole-word matches
 * first, newest first.
 */
public final class SearchRoutes {
    private final Services services;

    private SearchRoutes(Services services) {
        this.services = services;
    }

    public static void register(RoutesConfig routes, Services services) {
        SearchRoutes r = new SearchRoutes(services);
        routes.get("/api/v1/search", r::search);
    }

    private void search(Context ctx) {
        Actor actor = Caller.actor(ctx);
        actor.requireUserId();
        SearchRequest request = SearchRequest.parse(new QueryParams(ctx.queryParamMap()));
        Page<SearchHit> page = services.search().search(actor, request.query(), request.cursor(), request.limit());
        Map<String, MessageView> views = views(actor, page.items());
        List<SearchResultJson> items = new ArrayList<>(page.items().size());
        for (SearchHit hit : page.items()) {
            MessageView view = views.get(hit.message().id());
            if (view != null) items.add(SearchResultJson.of(hit, view));
        }
        Replies.ok(ctx, new PageJson<>(items, page.nextCursor()));
    }

    /**
     * The found messages as the caller sees them (reactions, pin flags, own delivery state), one
     * batch per conversation. A conversation the caller left since the search is skipped.
     */
    private Map<String, MessageView> views(Actor actor, List<SearchHit> hits) {
        if (hits.isEmpty()) return Map.of();
        Map<String, List<Message>> byConversation = new LinkedHashMap<>();
        for (SearchHit hit : hits) {
            byConversation.computeIfAbsent(hit.message().conversationId(), id -> new ArrayList<>()).add(hit.message());
        }
        var ports = services.ports();
        return ports.tx().read(() -> {
            Map<String, MessageView> views = new HashMap<>();
            byConversation.forEach((conversationId, messages) -> {
                Access access;
                try {
                    access = Access.of(ports.conversations(), actor, conversationId);
                } catch (ParleyException e) {
                    if (e.code() != ErrorCode.NOT_FOUND) throw e;
                    return;
                }
                services.reader().views(access, messages).forEach(v -> views.put(v.message().id(), v));
            });
            return views;
        });
    }

    /** The query of {@code GET /search}: the text, filters, cursor and page size. */
    record SearchRequest(SearchQuery query, String cursor, Integer limit) {

        static SearchRequest parse(QueryParams q) {
            String text = q.text("q");
            String conversationId = q.text("conversationId");
            String senderId = q.text("senderId");
            var type = q.messageType("type");
            var from = q.time("from");
            var to = q.time("to");
            String cursor = q.text("cursor");
            Integer limit = q.integer("limit");
            q.throwIfInvalid();
            return new SearchRequest(new SearchQuery(text, conversationId, senderId, type, from, to, 0, 0), cursor, limit);
        }
    }
}
