package dev.parley.server.ws;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A test client over java.net.http.WebSocket: keeps every frame it received, matches replies to
 * requests by id, and records the close. With {@code reading} false it asks for no frames at all
 * (a client that stopped reading) until {@link #startReading}.
 */
final class WsClient implements WebSocket.Listener, AutoCloseable {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** How the socket closed. */
    record Closed(int code, String reason) {
    }

    final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final StringBuilder partial = new StringBuilder();
    private final Object sendLock = new Object();
    private volatile boolean reading;
    private WebSocket socket;

    private WsClient(boolean reading) {
        this.reading = reading;
    }

    /** Connects to {@code uri}; {@code bearer} (may be null) goes into the Authorization header. */
    static WsClient open(URI uri, String bearer, boolean reading) {
        WsClient client = new WsClient(reading);
        var builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (bearer != null) builder.header("Authorization", "Bearer " + bearer);
        client.socket = builder.buildAsync(uri, client).orTimeout(10, TimeUnit.SECONDS).join();
        return client;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        if (reading) webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        synchronized (partial) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                received(text);
            }
        }
        if (reading) webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        if (reading) webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        if (reading) webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        if (reading) webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(new Closed(-1, String.valueOf(error)));
    }

    private void received(String text) {
        JsonNode frame;
        try {
            frame = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("The server sent a frame that is not JSON: " + text, e);
        }
        frames.add(frame);
        String type = frame.path("type").asText();
        if ((type.equals("ok") || type.equals("error")) && frame.hasNonNull("id")) {
            CompletableFuture<JsonNode> waiting = pending.remove(frame.get("id").asText());
            if (waiting != null) waiting.complete(frame);
        }
    }

    /** Starts (again) asking for every frame. */
    void startReading() {
        reading = true;
        socket.request(Long.MAX_VALUE);
    }

    /** Sends a request and returns its reply frame ({@code ok} or {@code error}). */
    JsonNode request(String op, Object data) {
        return requestAsync(op, data).orTimeout(15, TimeUnit.SECONDS).join();
    }

    /** Sends a request and returns the reply's {@code result}; fails unless the reply is {@code ok}. */
    JsonNode ok(String op, Object data) {
        JsonNode reply = request(op, data);
        if (!reply.path("type").asText().equals("ok")) throw new AssertionError(op + " failed: " + reply);
        return reply.path("result");
    }

    /** Sends a request and returns the reply's error code; fails unless the reply is an {@code error}. */
    String error(String op, Object data) {
        JsonNode reply = request(op, data);
        if (!reply.path("type").asText().equals("error")) throw new AssertionError(op + " should fail: " + reply);
        return reply.path("error").path("code").asText();
    }

    CompletableFuture<JsonNode> requestAsync(String op, Object data) {
        String id = "r" + ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        Map<String, Object> frame = data == null ? Map.of("id", id, "op", op) : Map.of("id", id, "op", op, "data", data);
        sendText(write(frame));
        return reply;
    }

    /** Sends any text frame as it is. */
    void sendText(String text) {
        synchronized (sendLock) {
            socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    /** Sends one text message as several frames (fragments), each written before the next. */
    void sendTextInParts(List<String> parts) {
        synchronized (sendLock) {
            for (int i = 0; i < parts.size(); i++) {
                socket.sendText(parts.get(i), i == parts.size() - 1).orTimeout(10, TimeUnit.SECONDS).join();
            }
        }
    }

    void sendBinary(byte[] bytes) {
        synchronized (sendLock) {
            socket.sendBinary(ByteBuffer.wrap(bytes), true).orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    /** Resumes with the given positions and returns the result. */
    JsonNode resume(Map<String, Long> positions) {
        return ok("resume", Map.of("conversations", positions));
    }

    /** The {@code event} frames with the given event name, in arrival order. */
    List<JsonNode> events(String name) {
        return frames.stream().filter(f -> f.path("type").asText().equals("event")
                && f.path("event").asText().equals(name)).toList();
    }

    /** The persisted events of a conversation, in arrival order. */
    List<JsonNode> eventsOf(String conversationId) {
        return frames.stream().filter(f -> f.path("type").asText().equals("event") && f.has("seq")
                && f.path("conversationId").asText().equals(conversationId)).toList();
    }

    /** Waits for an event frame with the name that matches. */
    JsonNode awaitEvent(String name, Predicate<JsonNode> matches) {
        await().atMost(Duration.ofSeconds(15)).until(() -> events(name).stream().anyMatch(matches));
        return events(name).stream().filter(matches).findFirst().orElseThrow();
    }

    Closed awaitClose() {
        return closed.orTimeout(20, TimeUnit.SECONDS).join();
    }

    boolean isOpen() {
        return !closed.isDone() && !socket.isInputClosed();
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).join();
            } catch (RuntimeException e) {
                socket.abort();
            }
        }
        socket.abort();
    }
}
