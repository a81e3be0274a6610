package dev.parley.e2e.browser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocketRoute;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Stands between a page's Parley socket and the server (Playwright's WebSocket routing) so a
 * test can break the line the way networks and servers do: drop the connection with a close
 * code, refuse new connections, lose one event, lose the replies of one kind of request. It
 * records every frame the page sent. Its handlers run on the test thread while it waits in a
 * Playwright call.
 */
final class SocketProxy {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> sent = new ArrayList<>();
    private final Set<String> swallowedIds = new HashSet<>();
    private int connections;
    private boolean refusing;
    private String swallowRepliesTo;
    private Predicate<JsonNode> loseNext;
    private final List<JsonNode> lost = new ArrayList<>();
    private WebSocketRoute page;
    private WebSocketRoute server;

    /** Routes every socket of {@code page} to {@code /ws} through the proxy; install before booting. */
    SocketProxy(Page page) {
        page.routeWebSocket(url -> url.endsWith("/ws"), this::connect);
    }

    private void connect(WebSocketRoute ws) {
        connections++;
        if (refusing) {
            ws.close(new WebSocketRoute.CloseOptions().setCode(1011).setReason("refused by the test"));
            return;
        }
        WebSocketRoute toServer = ws.connectToServer();
        page = ws;
        server = toServer;
        ws.onMessage(frame -> {
            JsonNode json = parse(frame.text());
            sent.add(json);
            if (swallowRepliesTo != null && swallowRepliesTo.equals(json.path("op").asText())) {
                swallowedIds.add(json.path("id").asText());
            }
            toServer.send(frame.text());
        });
        toServer.onMessage(frame -> {
            JsonNode json = parse(frame.text());
            if (json.has("id") && swallowedIds.remove(json.path("id").asText())) return;
            if (loseNext != null && loseNext.test(json)) {
                loseNext = null;
                lost.add(json);
                return;
            }
            ws.send(frame.text());
        });
    }

    /** Closes the page's current socket with {@code code}, as the server or the network would. */
    void drop(int code) {
        if (page == null) throw new IllegalStateException("No socket was opened");
        page.close(new WebSocketRoute.CloseOptions().setCode(code).setReason("dropped by the test"));
        server.close();
        page = null;
        server = null;
    }

    /** While true, new sockets are closed at once with 1011 (the server is unreachable). */
    void refuse(boolean refusing) {
        this.refusing = refusing;
    }

    /** The replies of requests with this op are lost from now on (null: none). */
    void swallowRepliesTo(String op) {
        this.swallowRepliesTo = op;
    }

    /** The next frame from the server that matches is lost. */
    void loseNext(Predicate<JsonNode> frame) {
        this.loseNext = frame;
    }

    /** The frames lost so far. */
    List<JsonNode> lost() {
        return List.copyOf(lost);
    }

    /** How many sockets the page opened. */
    int connections() {
        return connections;
    }

    /** Every request frame the page sent with this op, in order. */
    List<JsonNode> sent(String op) {
        return sent.stream().filter(f -> op.equals(f.path("op").asText())).toList();
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return JSON.nullNode();
        }
    }
}
