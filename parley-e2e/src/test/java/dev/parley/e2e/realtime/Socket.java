package dev.parley.e2e.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A raw client of the Parley socket over {@link java.net.http.WebSocket}: sends request frames,
 * matches replies by id, keeps every frame it received (and hands each to {@link ServerFrames})
 * and the close code. Requests may be sent from any thread except a frame listener's.
 */
final class Socket implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(20);
    /** Close code reported when the connection ended without a close frame. */
    static final int ABNORMAL = 1006;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final ReentrantLock sending = new ReentrantLock();
    private final Consumer<JsonNode> listener;
    private volatile WebSocket ws;

    private Socket(String name, Consumer<JsonNode> listener) {
        this.name = name;
        this.listener = listener;
    }

    /** Connects with {@code token} in the Authorization header (null: no header, authenticate by frame). */
    static Socket connect(URI uri, String token, String name) {
        return connect(uri, token, name, frame -> {
        });
    }

    /**
     * Connects; {@code listener} sees every frame in arrival order, on the receiving thread (it must
     * not send requests and wait for their replies).
     */
    static Socket connect(URI uri, String token, String name, Consumer<JsonNode> listener) {
        Socket socket = new Socket(name, listener);
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (token != null) builder.header("Authorization", "Bearer " + token);
        try {
            socket.ws = builder.buildAsync(uri, socket.new Receiver()).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(name + ": cannot connect to " + uri + ": " + e, e);
        }
        return socket;
    }

    /** An object for a request's data: keys and values alternating; null values are kept. */
    static Map<String, Object> data(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return map;
    }

    String name() {
        return name;
    }

    /** Sends a request ({@code data} null leaves it out); the future completes with the reply frame. */
    CompletableFuture<JsonNode> send(String op, Object data) {
        String id = name + "-" + ids.incrementAndGet();
        ObjectNode frame = JSON.createObjectNode().put("id", id).put("op", op);
        if (data != null) frame.set("data", JSON.valueToTree(data));
        String text = frame.toString();
        Pending request = new Pending(op, text, new CompletableFuture<>());
        pending.put(id, request);
        if (closed.isDone()) request.reply.completeExceptionally(new IllegalStateException(name + " is closed"));
        else raw(text);
        return request.reply;
    }

    /** Sends a request and waits for its reply frame. */
    JsonNode request(String op, Object data) {
        try {
            return send(op, data).get(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(name + ": no reply to " + op + " within " + REPLY_TIMEOUT, e);
        } catch (Exception e) {
            throw new AssertionError(name + ": " + op + " failed: " + e, e);
        }
    }

    /** Sends a request that must succeed; returns its result. */
    JsonNode ok(String op, Object data) {
        JsonNode reply = request(op, data);
        assertThat(reply.path("type").asText()).as("%s: reply to %s: %s", name, op, reply).isEqualTo("ok");
        return reply.path("result");
    }

    /** Sends a request that must be refused; returns the error object. */
    JsonNode error(String op, Object data) {
        JsonNode reply = request(op, data);
        assertThat(reply.path("type").asText()).as("%s: reply to %s: %s", name, op, reply).isEqualTo("error");
        return reply.path("error");
    }

    /** Resumes from {@code positions} (conversationId → last seq held); returns the result. */
    JsonNode resume(Map<String, Long> positions) {
        return ok("resume", data("conversations", positions));
    }

    /** Sends {@code text} as one text frame, exactly as given. */
    void raw(String text) {
        sending.lock();
        try {
            ws.sendText(text, true).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            failPending(e);
        } finally {
            sending.unlock();
        }
    }

    /** Sends one binary frame. */
    /** Sends one text message as several frames (fragments), each written before the next. */
    void rawInParts(java.util.List<String> parts) {
        sending.lock();
        try {
            for (int i = 0; i < parts.size(); i++) ws.sendText(parts.get(i), i == parts.size() - 1).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            failPending(e);
        } finally {
            sending.unlock();
        }
    }

    void rawBinary(byte[] bytes) {
        sending.lock();
        try {
            ws.sendBinary(ByteBuffer.wrap(bytes), true).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            failPending(e);
        } finally {
            sending.unlock();
        }
    }

    /** Every frame received so far, in order. */
    List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    /** Every event frame received so far, in order. */
    List<JsonNode> events() {
        return frames.stream().filter(f -> f.path("type").asText().equals("event")).toList();
    }

    /** The events named {@code event}, in order. */
    List<JsonNode> events(String event) {
        return events().stream().filter(f -> f.path("event").asText().equals(event)).toList();
    }

    /** The persisted events of one conversation, in order. */
    List<JsonNode> conversationEvents(String conversationId) {
        return events().stream().filter(f -> f.path("conversationId").asText().equals(conversationId)).toList();
    }

    /** Error replies with {@code "id": null}: refusals of frames that were no usable request. */
    List<JsonNode> refusals() {
        return frames.stream()
                .filter(f -> f.path("type").asText().equals("error") && f.has("id") && f.get("id").isNull())
                .toList();
    }

    /** Waits for an event named {@code event} that {@code test} accepts; returns the first such. */
    JsonNode awaitEvent(String event, Predicate<JsonNode> test) {
        return awaitEvent(event, test, Duration.ofSeconds(15));
    }

    JsonNode awaitEvent(String event, Predicate<JsonNode> test, Duration atMost) {
        List<JsonNode> found = new ArrayList<>();
        await().alias(name + " waits for a " + event + " event").atMost(atMost).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    events(event).stream().filter(test).findFirst().ifPresent(found::add);
                    return !found.isEmpty();
                });
        return found.getFirst();
    }

    /** Waits for a refusal beyond the first {@code seen} ones; returns it. */
    JsonNode awaitRefusal(int seen) {
        await().alias(name + " waits for a refusal").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(20)).until(() -> refusals().size() > seen);
        return refusals().get(seen);
    }

    /** Completes with the close code when the connection ended ({@link #ABNORMAL} without a close frame). */
    CompletableFuture<Integer> closeCode() {
        return closed;
    }

    boolean isOpen() {
        return !closed.isDone();
    }

    /** Waits until the connection ended; returns the close code. */
    int awaitClosed(Duration atMost) {
        try {
            return closed.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(name + " was not closed within " + atMost, e);
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    /** Drops the connection without a close handshake, as a lost network would. */
    void abort() {
        ws.abort();
        closed.complete(ABNORMAL);
        failPending(new IllegalStateException(name + " aborted"));
    }

    /** Closes normally (1000) and waits briefly for the server's answer. */
    @Override
    public void close() {
        if (closed.isDone()) return;
        try {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            closed.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            ws.abort();
            closed.complete(ABNORMAL);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    private void failPending(Throwable cause) {
        pending.values().forEach(p -> p.reply.completeExceptionally(cause));
        pending.clear();
    }

    private void handle(String text) {
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            ServerFrames.received(text, null);
            frames.add(JSON.createObjectNode().put("type", "unparsable").put("text", text));
            return;
        }
        JsonNode id = frame.path("id");
        Pending request = id.isTextual() && !frame.path("type").asText().equals("event") ? pending.remove(id.asText()) : null;
        ServerFrames.received(text, request == null ? null : request.op);
        frames.add(frame);
        listener.accept(frame);
        if (request != null) {
            if (frame.path("type").asText().equals("ok")) ServerFrames.accepted(request.op, request.text);
            request.reply.complete(frame);
        }
    }

    private record Pending(String op, String text, CompletableFuture<JsonNode> reply) {
    }

    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                handle(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            frames.add(JSON.createObjectNode().put("type", "binary"));
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            failPending(new IllegalStateException(name + " closed with " + statusCode + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(ABNORMAL);
            failPending(error);
        }
    }
}
