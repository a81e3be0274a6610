package dev.parley.bench.ceiling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One connection of the ceiling's {@code /ws} (see {@link CeilingSockets}): its user and the
 * conversations it resumed. {@code auth} is accepted blindly (the token's {@code sub} names the
 * user, as does an upgrade header), {@code resume} subscribes to the named conversations and answers
 * at once, {@code message.send} broadcasts to every connection of the conversation (the sender's too,
 * as Parley does) and answers {@code ok}; any other op is answered {@code ok} with an empty result.
 * Public because Jetty calls its methods through method handles.
 */
public final class CeilingSocket implements Session.Listener.AutoDemanding {
    private final CeilingState state;
    final List<CeilingState.Conversation> subscriptions = new CopyOnWriteArrayList<>();
    volatile String user;
    private volatile Session session;

    CeilingSocket(CeilingState state, String user) {
        this.state = state;
        this.user = user;
    }

    void send(String text) {
        Session s = session;
        if (s != null) s.sendText(text, Callback.NOOP);
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
    }

    @Override
    public void onWebSocketText(String message) {
        try {
            onFrame(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        state.disconnect(this);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        state.disconnect(this);
    }

    private void onFrame(String text) throws IOException {
        JsonNode frame = CeilingState.MAPPER.readTree(text);
        String id = frame.path("id").asText(null);
        String op = frame.path("op").asText("");
        JsonNode data = frame.path("data");
        ObjectNode result = CeilingState.MAPPER.createObjectNode();
        switch (op) {
            case "auth" -> {
                String named = CeilingState.userOf("Bearer " + data.path("token").asText(""));
                if (named != null) user = named;
                result.put("userId", named).put("expiresAt", Instant.now().plusSeconds(3600).toString());
            }
            case "resume" -> {
                for (Iterator<Map.Entry<String, JsonNode>> it = data.path("conversations").properties().iterator(); it.hasNext(); ) {
                    state.subscribe(this, it.next().getKey());
                }
                result.putArray("tooFarBehind");
                result.putArray("unknown");
                result.putArray("removed");
            }
            case "message.send" -> {
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
        ObjectNode reply = CeilingState.MAPPER.createObjectNode().put("type", "ok").put("id", id);
        reply.set("result", result);
        send(CeilingState.json(reply));
    }
}
