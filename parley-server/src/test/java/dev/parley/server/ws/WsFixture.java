package dev.parley.server.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.server.ParleyServer;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real Parley server on 127.0.0.1 and a free port over a temporary SQLite database, with REST
 * helpers to set up people and conversations and a way to open WebSocket clients.
 */
final class WsFixture implements AutoCloseable {
    static final String API_KEY = "ws-test-platform-key-0123456789";
    static final String HOST_SECRET = "host-app-secret-host-app-secret-!";

    /** A registered person: id, access token and refresh token. */
    record User(String id, String token, String refreshToken) {
    }

    final ParleyServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<WsClient> clients = new ArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();

    private WsFixture(ParleyServer server) {
        this.server = server;
    }

    static WsFixture start(Path dataDir) {
        return start(dataDir, Map.of(), Clock.systemUTC());
    }

    static WsFixture start(Path dataDir, Map<String, String> overrides) {
        return start(dataDir, overrides, Clock.systemUTC());
    }

    static WsFixture start(Path dataDir, Map<String, String> overrides, Clock clock) {
        Map<String, String> env = new HashMap<>();
        env.put("PARLEY_HOST", "127.0.0.1");
        env.put("PARLEY_PORT", "0");
        env.put("PARLEY_DATA_DIR", dataDir.toString());
        env.put("PARLEY_API_KEYS", API_KEY);
        env.put("PARLEY_HOST_JWT_SECRET", HOST_SECRET);
        env.put("PARLEY_SHUTDOWN_GRACE", "2s");
        env.put("PARLEY_RATE_LIMITS",
                "send=100000/10s,edit=100000/10s,react=100000/10s,create_conversation=100000/60s,login=100000/60s");
        env.putAll(overrides);
        ParleyConfig config = ConfigLoader.load(env);
        return new WsFixture(new ParleyServer(config, clock, javalin -> {
        }).start());
    }

    URI wsUri() {
        return URI.create("ws://127.0.0.1:" + server.port() + "/ws");
    }

    /** A client authenticated by the Authorization header, reading. */
    WsClient connect(User user) {
        return track(WsClient.open(wsUri(), user.token(), true));
    }

    /** A client without credentials, reading. */
    WsClient connectAnonymous() {
        return track(WsClient.open(wsUri(), null, true));
    }

    /** A client authenticated by header that reads nothing at all. */
    WsClient connectNotReading(User user) {
        return track(WsClient.open(wsUri(), user.token(), false));
    }

    /** A client authenticated and resumed with an empty map: live. */
    WsClient live(User user) {
        WsClient client = connect(user);
        client.resume(Map.of());
        return client;
    }

    private WsClient track(WsClient client) {
        synchronized (clients) {
            clients.add(client);
        }
        return client;
    }

    User register(String name) {
        String username = name + counter.incrementAndGet();
        JsonNode body = call("POST", "/api/v1/auth/register", null, Map.of("username", username,
                "password", "correct horse battery", "displayName", "User " + name, "email", username + "@mail.test"), 201);
        return new User(body.path("user").path("id").asText(), body.path("accessToken").asText(),
                body.path("refreshToken").asText());
    }

    /** A fresh access token through the refresh endpoint. */
    User refresh(User user) {
        JsonNode body = call("POST", "/api/v1/auth/refresh", null, Map.of("refreshToken", user.refreshToken()), 200);
        return new User(user.id(), body.path("accessToken").asText(), body.path("refreshToken").asText());
    }

    /** A group conversation of the owner and the others; returns its id. */
    String group(User owner, User... others) {
        List<Map<String, String>> members = new ArrayList<>();
        for (User u : others) members.add(Map.of("userId", u.id()));
        return call("POST", "/api/v1/conversations", owner, Map.of("kind", "group", "title", "Team",
                "members", members), 201).path("id").asText();
    }

    /** Sends a text message over REST; returns the message. */
    JsonNode send(User sender, String conversationId, String text) {
        return call("POST", "/api/v1/conversations/" + conversationId + "/messages", sender,
                Map.of("clientMessageId", "rest-" + counter.incrementAndGet(), "text", text), 201);
    }

    void addMember(User actor, String conversationId, User member) {
        call("POST", "/api/v1/conversations/" + conversationId + "/members", actor, Map.of("userIds", List.of(member.id())),
                200);
    }

    void removeMember(User actor, String conversationId, User member) {
        call("DELETE", "/api/v1/conversations/" + conversationId + "/members/" + member.id(), actor, null, 204);
    }

    /** The conversation's messages as the user sees them over REST (newest page, ascending). */
    JsonNode history(User user, String conversationId) {
        return call("GET", "/api/v1/conversations/" + conversationId + "/messages?limit=100", user, null, 200);
    }

    JsonNode call(String method, String path, User user, Object body, int expectedStatus) {
        HttpResponse<String> response = raw(method, path, user, body);
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return response.body().isEmpty() ? null : Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> raw(String method, String path, User user, Object body) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(WsClient.write(body)));
        if (body != null) request.header("Content-Type", "application/json");
        if (user != null) request.header("Authorization", "Bearer " + user.token());
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        synchronized (clients) {
            for (WsClient client : clients) {
                try {
                    client.close();
                } catch (RuntimeException e) {
                    // already gone
                }
            }
        }
        server.stop();
    }
}
