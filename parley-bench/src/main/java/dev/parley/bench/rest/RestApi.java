package dev.parley.bench.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The REST calls the bench makes: set-up with the server API key (provision users, create
 * conversations) and the measured calls with a user's token (send, history, search). HTTP/1.1
 * with keep-alive connections from one shared {@link HttpClient}. Thread-safe.
 */
public final class RestApi {
    public static final String API_KEY_HEADER = "X-Parley-Api-Key";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A conversation as created: its id and the seq of its newest event. */
    public record CreatedConversation(String id, long lastSeq) {
    }

    /** An answer: status, body and how long it took. */
    public record Answer(int status, String body, long nanos) {
    }

    private final URI base;
    private final String apiKey;
    private final HttpClient http;

    public RestApi(String host, int port, String apiKey) {
        this.base = URI.create("http://" + host + ":" + port);
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())
                .build();
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
        return call(HttpRequest.newBuilder(base.resolve("/api/v1/conversations/" + conversationId + "/messages"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
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
        return call(HttpRequest.newBuilder(base.resolve(pathAndQuery)).header("Authorization", "Bearer " + token)
                .GET().build());
    }

    private Answer platformPost(String path, JsonNode body) {
        try {
            return call(HttpRequest.newBuilder(base.resolve(path)).header(API_KEY_HEADER, apiKey)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body))).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer call(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), System.nanoTime() - start);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri().getPath() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
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
