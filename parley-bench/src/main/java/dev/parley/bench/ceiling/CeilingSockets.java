package dev.parley.bench.ceiling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * The ceiling's {@code /ws}: the frames of docs/protocol.md that the workloads use. {@code auth} is
 * accepted blindly (the token's {@code sub} names the user, as does an upgrade header), {@code resume}
 * subscribes to the named conversations and answers at once, {@code message.send} broadcasts to
 * every connection of the conversation (the sender's too, as Parley does) and answers {@code ok};
 * any other op is answered {@code ok} with an empty result.
 */
final class CeilingSockets {
    private CeilingSockets() {
    }

    static void register(RoutesConfig routes, CeilingState state) {
        routes.ws("/ws", ws -> {
            ws.onConnect(ctx -> {
                state.connection(ctx).user = CeilingState.userOf(ctx.header("Authorization"));
            });
            ws.onMessage(ctx -> onFrame(ctx, state));
            ws.onClose(state::disconnect);
            ws.onError(state::disconnect);
        });
    }

    private static void onFrame(WsMessageContext ctx, CeilingState state) throws IOException {
        JsonNode frame = CeilingState.MAPPER.readTree(ctx.message());
        String id = frame.path("id").asText(null);
        String op = frame.path("op").asText("");
        JsonNode data = frame.path("data");
        ObjectNode result = CeilingState.MAPPER.createObjectNode();
        switch (op) {
            case "auth" -> {
                String user = CeilingState.userOf("Bearer " + data.path("token").asText(""));
                if (user != null) state.connection(ctx).user = user;
                result.put("userId", user).put("expiresAt", Instant.now().plusSeconds(3600).toString());
            }
            case "resume" -> {
                for (Iterator<Map.Entry<String, JsonNode>> it = data.path("conversations").properties().iterator(); it.hasNext(); ) {
                    state.subscribe(ctx, it.next().getKey());
                }
                result.putArray("tooFarBehind");
                result.putArray("unknown");
                result.putArray("removed");
            }
            case "message.send" -> {
                String user = state.connection(ctx).user;
                var message = state.send(data.path("conversationId").asText(), user,
                        data.path("clientMessageId").asText(), data.path("text").asText());
                result.set("message", CeilingState.MAPPER.valueToTree(message));
                result.put("created", true);
            }
            case "ping" -> result.put("at", Instant.now().toString());
            default -> {
                // blind acceptance: an empty result
            }
        }
        reply(ctx, id, result);
    }

    private static void reply(WsContext ctx, String id, ObjectNode result) {
        ObjectNode reply = CeilingState.MAPPER.createObjectNode().put("type", "ok").put("id", id);
        reply.set("result", result);
        ctx.session.sendText(CeilingState.json(reply), org.eclipse.jetty.websocket.api.Callback.NOOP);
    }
}
