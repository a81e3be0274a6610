package dev.parley.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.parley.client.model.TokenResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sends one API call: JSON in and out, credentials attached, errors turned into
 * {@link ParleyApiException}, and a single refresh-and-retry when an access token is refused
 * while a refresh token is known. Thread-safe; concurrent refusals share one refresh.
 */
final class Transport {
    static final String API = "/api/v1";

    final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    private final String base;
    private final HttpClient http;
    private final Duration timeout;
    private final String apiKey;
    private final String userAgent;
    private final boolean autoRefresh;
    private final Consumer<Exchange> listener;
    private final Object refreshLock = new Object();
    private volatile Tokens tokens;

    Transport(URI base, HttpClient http, Duration timeout, String apiKey, String userAgent, boolean autoRefresh,
              Consumer<Exchange> listener, Tokens tokens) {
        String text = base.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.http = http;
        this.timeout = timeout;
        this.apiKey = apiKey;
        this.userAgent = userAgent;
        this.autoRefresh = autoRefresh;
        this.listener = listener;
        this.tokens = tokens;
    }

    /** The answer of a successful call: status, parsed body (null without one) and headers. */
    record Response<T>(int status, T body, HttpHeaders headers) {
    }

    /** What to send: method, path (with query) below the server root, a body to write as JSON or null. */
    record Call(String method, String path, Object body, boolean authenticated) {
        static Call of(String method, String path, Object body) {
            return new Call(method, path, body, true);
        }

        static Call anonymous(String method, String path, Object body) {
            return new Call(method, path, body, false);
        }
    }

    /** A JSON object of name/value pairs, leaving out null values. */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }

    URI base() {
        return URI.create(base);
    }

    Tokens tokens() {
        return tokens;
    }

    void tokens(Tokens value) {
        tokens = value;
    }

    JavaType type(Class<?> raw, Class<?>... parameters) {
        return parameters.length == 0 ? json.constructType(raw)
                : json.getTypeFactory().constructParametricType(raw, parameters);
    }

    /** The {@code items} of a {@code {"items":[...]}} answer. */
    <T> List<T> items(Call call, Class<T> itemType) {
        dev.parley.client.model.Page<T> page = this.<dev.parley.client.model.Page<T>>send(call,
                type(dev.parley.client.model.Page.class, itemType)).body();
        return page.items();
    }

    /** The body of a successful answer as text, whatever its type. */
    String text(Call call) {
        return this.<String>send(call, json.constructType(String.class)).body();
    }

    <T> T body(Call call, Class<T> type) {
        return this.<T>send(call, json.constructType(type)).body();
    }

    <T> Response<T> send(Call call, JavaType type) {
        Tokens used = tokens;
        HttpResponse<String> response = exchange(call, used);
        if (response.statusCode() == 401 && call.authenticated() && autoRefresh
                && used != null && used.refreshToken() != null && refreshed(used)) {
            response = exchange(call, tokens);
        }
        return read(response, type);
    }

    /** Renews {@code stale} tokens unless another thread already did; the tokens held afterwards. */
    Tokens renew(Tokens stale) {
        if (stale == null || stale.refreshToken() == null) return tokens;
        refreshed(stale);
        return tokens;
    }

    /** Renews the tokens that were refused, unless another thread already did. True if the call may be retried. */
    private boolean refreshed(Tokens refused) {
        synchronized (refreshLock) {
            Tokens current = tokens;
            if (current != refused) return current != null;
            try {
                TokenResponse renewed = this.<TokenResponse>read(exchange(Call.anonymous("POST", API + "/auth/refresh",
                        fields("refreshToken", refused.refreshToken())), null), json.constructType(TokenResponse.class))
                        .body();
                tokens = new Tokens(renewed.accessToken(), renewed.refreshToken(), renewed.sessionId());
                return true;
            } catch (ParleyApiException e) {
                if (e.status() == 401) tokens = null;
                return false;
            }
        }
    }

    private HttpResponse<String> exchange(Call call, Tokens credentials) {
        String requestBody = call.body() == null ? null : write(call.body());
        URI uri = URI.create(base + call.path());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json")
                .method(call.method(), requestBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(requestBody));
        if (requestBody != null) request.header("Content-Type", "application/json");
        if (userAgent != null) request.header("User-Agent", userAgent);
        if (call.authenticated()) {
            if (credentials != null) request.header("Authorization", "Bearer " + credentials.accessToken());
            else if (apiKey != null) request.header("X-Parley-Api-Key", apiKey);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(call.method() + " " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException(call.method() + " " + uri + " was interrupted"));
        }
        if (listener != null) {
            listener.accept(new Exchange(call.method(), uri, requestBody == null ? "" : requestBody,
                    response.statusCode(), response.headers(), response.body() == null ? "" : response.body()));
        }
        return response;
    }

    private <T> Response<T> read(HttpResponse<String> response, JavaType type) {
        int status = response.statusCode();
        String text = response.body() == null ? "" : response.body();
        if (status >= 200 && status < 300) {
            if (type == null || type.getRawClass() == Void.class || text.isBlank()) return new Response<>(status, null, response.headers());
            if (type.getRawClass() == String.class) {
                @SuppressWarnings("unchecked") T raw = (T) text;
                return new Response<>(status, raw, response.headers());
            }
            try {
                return new Response<>(status, json.readValue(text, type), response.headers());
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("The server answered " + status + " with a body that is not a "
                        + type.getRawClass().getSimpleName(), e);
            }
        }
        throw error(status, text, response.headers());
    }

    ParleyApiException error(int status, String text, HttpHeaders headers) {
        Duration retryAfter = headers.firstValue("Retry-After").map(Transport::retryAfter).orElse(null);
        try {
            JsonNode error = json.readTree(text).path("error");
            if (error.isObject() && error.path("code").isTextual()) {
                List<ParleyApiException.FieldError> details = new ArrayList<>();
                for (JsonNode d : error.path("details")) {
                    details.add(new ParleyApiException.FieldError(d.path("field").asText(null), d.path("message").asText(null)));
                }
                return new ParleyApiException(status, error.get("code").asText(), error.path("message").asText(""),
                        details, retryAfter);
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // not Parley's error shape: fall through
        }
        String start = text.length() > 200 ? text.substring(0, 200) + "…" : text;
        return new ParleyApiException(status, ParleyApiException.codeOf(status), start, List.of(), retryAfter);
    }

    /** Seconds or an HTTP date, as RFC 9110 allows; null if neither. */
    static Duration retryAfter(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            try {
                Duration wait = Duration.between(java.time.Instant.now(),
                        ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the request body as JSON", e);
        }
    }
}
