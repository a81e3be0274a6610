package dev.parley.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A small JSON client for the HTTP tests (java.net.http). */
final class Api {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A response with its body read as JSON where it is JSON. */
    record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            if (body.isEmpty()) return MissingNode.getInstance();
            try {
                return MAPPER.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        String errorCode() {
            return json().path("error").path("code").asText();
        }
    }

    private final String base;

    Api(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    Reply get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    Reply post(String path, String token, Object body) {
        return send("POST", path, token, body, Map.of());
    }

    Reply patch(String path, String token, Object body) {
        return send("PATCH", path, token, body, Map.of());
    }

    Reply put(String path, String token) {
        return send("PUT", path, token, null, Map.of());
    }

    Reply delete(String path, String token) {
        return send("DELETE", path, token, null, Map.of());
    }

    /** Sends {@code body} as JSON (a String is sent as it is) with the bearer token and extra headers. */
    Reply send(String method, String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (token != null) request.header("Authorization", "Bearer " + token);
        boolean hasContentType = headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Content-Type"));
        if (body != null && !hasContentType) request.header("Content-Type", "application/json");
        headers.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : toJson(body)));
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers a user and returns the token response. */
    JsonNode register(String username, String password) {
        Reply reply = post("/api/v1/auth/register", null, Map.of("username", username, "password", password,
                "displayName", "User " + username, "email", username + "@example.org"));
        if (reply.status() != 201) throw new AssertionError("register failed: " + reply.status() + " " + reply.body());
        return reply.json();
    }

    private static String toJson(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
