package dev.parley.bench.ceiling;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.bench.ceiling.CeilingState.CeilingMessage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ceiling's REST side: just enough for the bench's set-up (users and conversations, accepted
 * blindly) and its REST workloads: send (broadcast, no persistence) and history and search pages
 * of synthetic messages, serialised per request as Parley does, so they measure the stack's floor.
 */
final class CeilingRoutes {
    private static final int PAGE = 50;

    private CeilingRoutes() {
    }

    static void register(RoutesConfig routes, CeilingState state) {
        routes.get("/healthz", ctx -> ctx.result("{\"status\":\"ok\"}").contentType("application/json"));
        routes.post("/api/v1/platform/users", ctx -> {
            JsonNode body = CeilingState.MAPPER.readTree(ctx.body());
            String sub = body.path("sub").asText();
            json(ctx, 200, Map.of("id", "u_" + sub, "externalId", sub, "displayName", body.path("name").asText(sub)));
        });
        routes.post("/api/v1/conversations", ctx -> json(ctx, 201, Map.of("id", state.newConversation(), "lastSeq", 1)));
        routes.post("/api/v1/conversations/{conversationId}/messages", ctx -> send(ctx, state));
        routes.get("/api/v1/conversations/{conversationId}/messages", ctx ->
                json(ctx, 200, Map.of("items", page(ctx.pathParam("conversationId")), "hasOlder", true, "hasNewer", false)));
        routes.get("/api/v1/search", ctx -> {
            List<Map<String, Object>> items = new ArrayList<>();
            for (CeilingMessage m : page("c_search").subList(0, 20)) items.add(Map.of("message", m, "snippet", m.text()));
            json(ctx, 200, Map.of("items", items));
        });
    }

    private static void send(Context ctx, CeilingState state) throws IOException {
        String user = CeilingState.userOf(ctx.header("Authorization"));
        JsonNode body = CeilingState.MAPPER.readTree(ctx.body());
        CeilingMessage message = state.send(ctx.pathParam("conversationId"), user,
                body.path("clientMessageId").asText(), body.path("text").asText());
        json(ctx, 201, message);
    }

    private static List<CeilingMessage> page(String conversationId) {
        List<CeilingMessage> items = new ArrayList<>(PAGE);
        Instant now = Instant.now();
        for (int i = 1; i <= PAGE; i++) {
            items.add(new CeilingMessage("m_" + i, conversationId, i, "u_sender", "c-" + i, "text",
                    "Synthetic message number " + i + " of a page the ceiling serves without a database.", now));
        }
        return items;
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(CeilingState.json(body));
    }
}
