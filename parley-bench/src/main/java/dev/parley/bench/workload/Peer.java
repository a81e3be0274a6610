package dev.parley.bench.workload;

import dev.parley.bench.harness.TargetServer;
import dev.parley.bench.workload.Population.BenchUser;
import dev.parley.bench.ws.JsonScan;
import dev.parley.bench.ws.WsClient;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One bench connection of one user: authenticated by the upgrade's {@code Authorization} header,
 * resumed from the given seqs, then reading frames: {@code message.created} events are checked
 * for duplicates (a seq not above the last one seen in that conversation) and, when sent by
 * someone else, reported to the {@link DeliveryTracker}; replies to sends report acks and failures.
 */
public final class Peer implements WsClient.Listener {
    static final String RESUME_ID = "resume";

    private final BenchUser user;
    private final DeliveryTracker tracker;
    private final Map<String, Long> lastSeq = new HashMap<>(); // touched by the reader thread only
    private final CompletableFuture<Void> resumed = new CompletableFuture<>();
    private WsClient client;
    private volatile boolean closing;

    private Peer(BenchUser user, DeliveryTracker tracker, Map<String, Long> conversations) {
        this.user = user;
        this.tracker = tracker;
        this.lastSeq.putAll(conversations);
    }

    /**
     * Connects from {@code localAddress} (null: any), resumes {@code conversations} (id → last seq
     * held) and returns once the server answered the resume; throws on refusal or timeout.
     */
    public static Peer connect(TargetServer target, InetAddress localAddress, BenchUser user,
                               Map<String, Long> conversations, DeliveryTracker tracker, Duration timeout)
            throws IOException {
        Peer peer = new Peer(user, tracker, conversations);
        peer.client = WsClient.connect(target.address(), localAddress, "/ws",
                Map.of("Authorization", "Bearer " + user.token()));
        peer.client.start(peer);
        StringBuilder frame = new StringBuilder(64 + conversations.size() * 40)
                .append("{\"id\":\"").append(RESUME_ID).append("\",\"op\":\"resume\",\"data\":{\"conversations\":{");
        boolean first = true;
        for (var entry : conversations.entrySet()) {
            if (!first) frame.append(',');
            first = false;
            frame.append('"').append(entry.getKey()).append("\":").append(entry.getValue());
        }
        frame.append("}}}");
        peer.client.send(frame.toString());
        try {
            peer.resumed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            peer.close();
            throw new IOException("Interrupted while resuming", e);
        } catch (ExecutionException e) {
            peer.close();
            throw new IOException("Resume failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            peer.close();
            throw new IOException("No resume reply within " + timeout.toMillis() + " ms");
        }
        return peer;
    }

    public BenchUser user() {
        return user;
    }

    public boolean isOpen() {
        return client.isOpen();
    }

    /** Sends a message; {@code id} serves as request id and client message id. */
    public void sendMessage(String id, String conversationId, String text) throws IOException {
        client.send("{\"id\":\"" + id + "\",\"op\":\"message.send\",\"data\":{\"conversationId\":\"" + conversationId
                + "\",\"clientMessageId\":\"" + id + "\",\"text\":" + JsonScan.quote(text) + "}}");
    }

    @Override
    public void onText(WsClient source, String text) {
        long now = System.nanoTime();
        String type = JsonScan.string(text, "type");
        if ("event".equals(type)) {
            if (!"message.created".equals(JsonScan.string(text, "event"))) return;
            String conversationId = JsonScan.string(text, "conversationId");
            long seq = JsonScan.number(text, -1, "seq");
            Long last = lastSeq.get(conversationId);
            if (last != null && seq <= last) {
                tracker.duplicate();
                return;
            }
            lastSeq.put(conversationId, seq);
            if (user.id().equals(JsonScan.string(text, "data", "message", "senderId"))) return;
            String clientMessageId = JsonScan.string(text, "data", "message", "clientMessageId");
            if (clientMessageId != null) tracker.delivered(clientMessageId, now);
        } else if ("ok".equals(type) || "error".equals(type)) {
            String id = JsonScan.string(text, "id");
            if (RESUME_ID.equals(id)) {
                if ("ok".equals(type)) resumed.complete(null);
                else resumed.completeExceptionally(new IOException(text));
            } else if (id != null) {
                if ("ok".equals(type)) tracker.acked(id, now);
                else tracker.failed(id, text);
            } else {
                tracker.unexpectedClose("error frame without id: " + text);
            }
        }
    }

    @Override
    public void onClosed(WsClient source, int code, Throwable error) {
        IOException cause = new IOException("connection closed (code " + code + ")"
                + (error == null ? "" : ": " + error.getMessage()));
        resumed.completeExceptionally(cause);
        if (!closing) tracker.unexpectedClose("connection of " + user.id() + " closed (code " + code + ")"
                + (error == null ? "" : ": " + error));
    }

    /** Closes the connection on purpose. */
    public void close() {
        closing = true;
        if (client != null) client.close();
    }
}
