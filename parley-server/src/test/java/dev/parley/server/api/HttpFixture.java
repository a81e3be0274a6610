package dev.parley.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.server.ParleyServer;
import dev.parley.server.Services;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.http.Json;
import io.javalin.config.JavalinConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real Parley server on 127.0.0.1 and a free port over a temporary SQLite data dir, and a small
 * JSON client for it. The domain routes are added through the server's extension hook when its
 * own wiring does not register them yet.
 */
final class HttpFixture implements AutoCloseable {
    static final String API_KEY = "test-platform-key-0123456789abcdef";

    final ParleyServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HttpFixture(Path dataDir) {
        var config = ConfigLoader.load(Map.of(
                "PARLEY_PORT", "0",
                "PARLEY_HOST", "127.0.0.1",
                "PARLEY_DATA_DIR", dataDir.toString(),
                "PARLEY_API_KEYS", API_KEY,
                "PARLEY_RATE_LIMITS",
                "send=10000/10s,edit=10000/10s,react=10000/10s,create_conversation=10000/60s,login=10000/60s"));
        AtomicReference<ParleyServer> self = new AtomicReference<>();
        ParleyServer created = new ParleyServer(config, java.time.Clock.systemUTC(),
                javalin -> addDomainRoutesIfMissing(javalin, self.get().services()));
        self.set(created);
        this.server = created.start();
    }

    /** Registers the four domain route classes unless the server's wiring already did (Javalin refuses duplicates). */
    private static void addDomainRoutesIfMissing(JavalinConfig javalin, Services services) {
        try {
            ConversationRoutes.register(javalin.routes, services);
        } catch (IllegalArgumentException alreadyWired) {
            return;
        }
        MemberRoutes.register(javalin.routes, services);
        MessageRoutes.register(javalin.routes, services);
        SearchRoutes.register(javalin.routes, services);
    }

    /** A response: status, the JSON body (null when empty) and the raw response. */
    record Reply(int status, JsonNode body, HttpResponse<String> raw) {
        String error() {
            return body == null ? null : body.path("error").path("code").asText(null);
        }

        String errorField() {
            return body == null ? null : body.path("error").path("details").path(0).path("field").asText(null);
        }
    }

    /** A credential: a bearer token or the platform API key. */
    record Auth(String header, String value) {
        static Auth bearer(String token) {
            return new Auth("Authorization", "Bearer " + token);
        }

        static final Auth PLATFORM = new Auth("X-Parley-Api-Key", API_KEY);
    }

    /** A registered person: user id and bearer credential. */
    record Person(String id, Auth auth) {
    }

    /** Registers a built-in account and returns its id and access token. */
    Person register(String username) {
        Reply reply = call("POST", "/api/v1/auth/register", null,
                Map.of("username", username, "password", "correct horse battery", "displayName", "Name " + username,
                        "email", username + "@mail.test"));
        if (reply.status() != 201) throw new IllegalStateException("register " + username + ": " + reply.raw().body());
        return new Person(reply.body().path("user").path("id").asText(),
                Auth.bearer(reply.body().path("accessToken").asText()));
    }

    Reply call(String method, String path, Auth auth, Object body) {
        String json = body == null ? null : body instanceof String s ? s : write(body);
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) request.header("Content-Type", "application/json");
        if (auth != null) request.header(auth.header(), auth.value());
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = response.body().isEmpty() ? null : Json.MAPPER.readTree(response.body());
            return new Reply(response.statusCode(), parsed, response);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String write(Object body) {
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
