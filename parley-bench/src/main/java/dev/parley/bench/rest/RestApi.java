package dev.parley.bench.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The REST calls the bench makes: set-up with the server API key (provision users, create
 * conversations) and the measured calls with a user's token (send, history, search). HTTP/1.1
 * over keep-alive {@link HttpConnection}s: a call takes an idle connection (or opens one) and
 * gives it back after the answer, so concurrent callers each hold one. Thread-safe.
 */
public final class RestApi implements AutoCloseable {
    public static final String API_KEY_HEADER = "X-Parley-Api-Key";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A conversation as created: its id and the seq of its newest event. */
    public record CreatedConversation(String id, long lastSeq) {
    }

    /** An answer: status, body as sent (UTF-8) and how long it took. */
    public record Answer(int status, byte[] content, long nanos) {
        /** The body as text. */
        public String body() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private static final String JSON = "application/json";

    private final String host;
    private final int port;
    private final String apiKey;
    private final ConcurrentLinkedDeque<HttpConnection> idle = new ConcurrentLinkedDeque<>();

    public RestApi(String host, int port, String apiKey) {
        this.host = host;
        this.port = port;
        this.apiKey = apiKey;
    }

    /** Creates (or finds) the host user {@code sub}; returns its Parley user id. */
    public String provisionUser(String sub, String name) {
        ObjectNode body = MAPPER.createObjectNode().put("sub", sub).put("name", name);
        return expect(platformPost("/api/v1/platform/users", body), 200, 201).get("id").asText();
    }

    /** Creates a group conversation with the given members (at most 100: the server's per-request limit). */
    public CreatedConversation createGroup(String title, List<String> memberIds) {
        ObjectNode body = MAPPER.createObjectNode().put("kind", "group").put("title", title);
        ArrayNode members = body.putArray("members");
        for (String id : memberIds) members.addObject().put("userId", id);
        JsonNode created = expect(platformPost("/api/v1/conversations", body), 200, 201);
        return new CreatedConversation(created.get("id").asText(), created.path("lastSeq").asLong());
    }

    /** Sends a text message as the token's user; the body is built by hand (no reflection on the hot path). */
    public Answer send(String token, String conversationId, String clientMessageId, String text) {
        String body = "{\"clientMessageId\":\"" + clientMessageId + "\",\"text\":" + dev.parley.bench.ws.JsonScan.quote(text) + "}";
        return call("POST", "/api/v1/conversations/" + conversationId + "/messages",
                new String[] {"Authorization", "Bearer " + token, "Content-Type", JSON}, body);
    }

    /** {@code GET …/messages?<query>} as the token's user. */
    public Answer history(String token, String conversationId, String query) {
        return get(token, "/api/v1/conversations/" + conversationId + "/messages" + (query.isEmpty() ? "" : "?" + query));
    }

    /** {@code GET /search?q=…} as the token's user. */
    public Answer search(String token, String text, int limit) {
        return get(token, "/api/v1/search?limit=" + limit + "&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
    }

    private Answer get(String token, String pathAndQuery) {
        return call("GET", pathAndQuery, new String[] {"Authorization", "Bearer " + token}, null);
    }

    private Answer platformPost(String path, JsonNode body) {
        try {
            return call("POST", path, new String[] {API_KEY_HEADER, apiKey, "Content-Type", JSON},
                    MAPPER.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One exchange on an idle connection (or a new one). A reused connection the server closed
     * meanwhile fails before any answer arrives; the call is then made once more on a new one
     * (every call of the bench may be repeated: sends carry a client message id).
     */
    private Answer call(String method, String pathAndQuery, String[] headers, String body) {
        byte[] content = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        HttpConnection reused = idle.pollFirst();
        if (reused != null) {
            try {
                return answer(reused, reused.exchange(method, pathAndQuery, headers, content), start);
            } catch (IOException e) {
                reused.close();
            }
        }
        HttpConnection fresh = null;
        try {
            fresh = new HttpConnection(host, port);
            return answer(fresh, fresh.exchange(method, pathAndQuery, headers, content), start);
        } catch (IOException e) {
            if (fresh != null) fresh.close();
            throw new UncheckedIOException(method + " " + pathAndQuery + " failed: " + e.getMessage(), e);
        }
    }

    private Answer answer(HttpConnection connection, HttpConnection.Response response, long start) {
        if (response.reusable()) idle.offerFirst(connection);
        else connection.close();
        return new Answer(response.status(), response.body(), System.nanoTime() - start);
    }

    /** Closes the idle connections. */
    @Override
    public void close() {
        for (HttpConnection connection; (connection = idle.pollFirst()) != null; ) connection.close();
    }

    private static JsonNode expect(Answer answer, int... statuses) {
        for (int status : statuses) {
            if (answer.status() == status) {
                try {
                    return MAPPER.readTree(answer.body());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("Unexpected answer " + answer.status() + ": " + answer.body());
    }
}
