package dev.parley.e2e.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The REST calls the browser tests make from Java to set the scene: accounts, conversations, messages. */
final class Rest {
    static final String PASSWORD = "correct-horse-battery-staple";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A registered user and their access token. */
    record Account(String id, String username, String displayName, String token) {
    }

    private final String baseUrl;

    Rest(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Registers a new user named after {@code name} (made unique). */
    Account register(String name) {
        String username = name.toLowerCase(Locale.ROOT) + "-" + COUNTER.incrementAndGet();
        JsonNode tokens = call("POST", "/api/v1/auth/register", null,
                Map.of("username", username, "password", PASSWORD, "displayName", name));
        return new Account(tokens.path("user").path("id").asText(), username, name, tokens.path("accessToken").asText());
    }

    /** A group conversation owned by {@code owner} with {@code members}; returns its id. */
    String createGroup(Account owner, String title, Account... members) {
        List<Map<String, String>> list = new ArrayList<>();
        for (Account member : members) list.add(Map.of("userId", member.id()));
        return call("POST", "/api/v1/conversations", owner.token(),
                Map.of("kind", "group", "title", title, "members", list)).path("id").asText();
    }

    /** Sends a text message; returns it. */
    JsonNode send(Account sender, String conversationId, String clientMessageId, String text) {
        return call("POST", "/api/v1/conversations/" + conversationId + "/messages", sender.token(),
                Map.of("clientMessageId", clientMessageId, "text", text));
    }

    JsonNode edit(Account sender, String messageId, String text) {
        return call("PATCH", "/api/v1/messages/" + messageId, sender.token(), Map.of("text", text));
    }

    void react(Account who, String messageId, String emoji) {
        call("PUT", "/api/v1/messages/" + messageId + "/reactions/" + URLEncoder.encode(emoji, StandardCharsets.UTF_8),
                who.token(), null);
    }

    /** One page of history (newest first page). */
    JsonNode history(Account who, String conversationId) {
        return call("GET", "/api/v1/conversations/" + conversationId + "/messages?limit=100", who.token(), null);
    }

    JsonNode call(String method, String path, String token, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
            if (token != null) request.header("Authorization", "Bearer " + token);
            if (body != null) {
                request.header("Content-Type", "application/json");
                request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
