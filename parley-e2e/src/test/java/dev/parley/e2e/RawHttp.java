package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.client.Exchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Plain HTTP for what the client would never send: malformed bodies, wrong types, unknown routes. */
final class RawHttp {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;

    RawHttp(HttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    /** The server's answer, with the body parsed as JSON on demand. */
    record Answer(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (status " + status + "): " + body, e);
            }
        }

        String errorCode() {
            return json().path("error").path("code").asText(null);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    Answer get(String path, Map<String, String> headers) {
        return send("GET", path, headers, null);
    }

    /** Sends {@code body} (null: none) with exactly the given headers. */
    Answer send(String method, String path, Map<String, String> headers, String body) {
        return send(method, path, headers, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body), body == null ? "" : body);
    }

    Answer sendBytes(String method, String path, Map<String, String> headers, byte[] body) {
        return send(method, path, headers, HttpRequest.BodyPublishers.ofByteArray(body), "<" + body.length + " bytes>");
    }

    private Answer send(String method, String path, Map<String, String> headers, HttpRequest.BodyPublisher publisher,
                        String bodyText) {
        URI uri = URI.create(baseUrl + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).method(method, publisher);
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Exchanges.record(new Exchange(method, uri, bodyText, response.statusCode(), response.headers(),
                    response.body()));
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
