package dev.parley.client.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted server behind {@link Wire}: every socket the client opens is recorded; a test reads
 * the requests the client sent and answers them, pushes events and closes sockets with a code.
 */
final class FakeWires implements Wire.Connector {
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusals = new AtomicInteger();

    /** The next {@code count} connection attempts fail (as if the server were down). */
    void refuse(int count) {
        refusals.set(count);
    }

    @Override
    public CompletableFuture<Wire> open(URI uri, Map<String, String> headers, Wire.Listener listener) {
        if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return CompletableFuture.failedFuture(new java.net.ConnectException("refused"));
        }
        Socket socket = new Socket(listener);
        sockets.add(socket);
        return CompletableFuture.completedFuture(socket);
    }

    List<Socket> sockets() {
        return List.copyOf(sockets);
    }

    /** Waits for the {@code n}-th socket (1 for the first). */
    Socket socket(int n) {
        Harness.waiting().until(() -> sockets.size() >= n);
        return sockets.get(n - 1);
    }

    Socket latest() {
        Harness.waiting().until(() -> !sockets.isEmpty());
        return sockets.getLast();
    }

    /** One socket as the server sees it. */
    static final class Socket implements Wire {
        private final Wire.Listener listener;
        private final List<JsonNode> received = new CopyOnWriteArrayList<>();
        private final Set<String> answered = ConcurrentHashMap.newKeySet();
        volatile boolean aborted;
        volatile Integer closedWith;

        Socket(Wire.Listener listener) {
            this.listener = listener;
        }

        @Override
        public void send(String text) {
            received.add(readTree(text));
        }

        @Override
        public CompletableFuture<Void> close(int code, String reason) {
            closedWith = code;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void abort() {
            aborted = true;
        }

        private static JsonNode readTree(String text) {
            try {
                return RealtimeJson.MAPPER.readTree(text);
            } catch (Exception e) {
                throw new AssertionError("the client sent a frame that is not JSON: " + text, e);
            }
        }

        /** Every request the client sent, in order. */
        List<JsonNode> requests() {
            return List.copyOf(received);
        }

        List<JsonNode> requests(String op) {
            List<JsonNode> matching = new ArrayList<>();
            for (JsonNode r : received) if (r.path("op").asText().equals(op)) matching.add(r);
            return matching;
        }

        /** Waits for the next request with {@code op} not answered yet. */
        JsonNode next(String op) {
            JsonNode[] found = new JsonNode[1];
            Harness.waiting().until(() -> {
                for (JsonNode r : received) {
                    if (r.path("op").asText().equals(op) && !answered.contains(r.path("id").asText())) {
                        found[0] = r;
                        return true;
                    }
                }
                return false;
            });
            return found[0];
        }

        /** Answers the next unanswered {@code op} request with {@code result}; returns the request. */
        JsonNode answer(String op, String result) {
            JsonNode request = next(op);
            answered.add(request.path("id").asText());
            push(Samples.ok(request.path("id").asText(), result));
            return request;
        }

        /** Answers the next unanswered {@code op} request with an error. */
        JsonNode refuse(String op, String code) {
            JsonNode request = next(op);
            answered.add(request.path("id").asText());
            push(Samples.error(request.path("id").asText(), code));
            return request;
        }

        /** Answers {@code auth} as user {@link Samples#ME} with a token that lives {@code lifetime}. */
        JsonNode authenticate(Duration lifetime) {
            return answer("auth", "{\"userId\":\"" + Samples.ME + "\",\"expiresAt\":\""
                    + java.time.Instant.now().plus(lifetime) + "\"}");
        }

        JsonNode authenticate() {
            return authenticate(Duration.ofHours(1));
        }

        /** Answers {@code resume} with the three lists given as JSON arrays. */
        JsonNode resume(String tooFarBehind, String unknown, String removed) {
            return answer("resume", "{\"tooFarBehind\":" + tooFarBehind + ",\"unknown\":" + unknown + ",\"removed\":"
                    + removed + "}");
        }

        JsonNode resume() {
            return resume("[]", "[]", "[]");
        }

        /** Sends a frame to the client. */
        void push(String frame) {
            listener.text(frame);
        }

        /** The server closes the socket. */
        void close(int code) {
            listener.closed(code, "closed by the test");
        }
    }
}
