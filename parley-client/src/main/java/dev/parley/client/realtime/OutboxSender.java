package dev.parley.client.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.client.model.Message;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.random.RandomGenerator;

/**
 * Sends the {@link Outbox} over the socket: each entry as a {@code message.send} with its client
 * message id, in outbox order, at most once per socket at a time. An ok reply (created or not)
 * acknowledges it: it leaves the outbox and its future completes. A transient failure (timeout,
 * lost socket, rate limit, server error) keeps it for a resend with the same id — after a backoff
 * delay, or on the next socket; any other error removes it and fails its future.
 *
 * <p>Not thread-safe: used on the event thread only.
 */
final class OutboxSender {
    private static final System.Logger LOG = System.getLogger(OutboxSender.class.getName());

    private final Outbox outbox;
    private final Requests requests;
    private final EventLoop loop;
    private final Listeners listeners;
    private final Backoff backoff;
    private final RandomGenerator random;
    private final Duration timeout;
    private final Map<String, CompletableFuture<Message>> futures = new HashMap<>();
    private final Set<String> inFlight = new HashSet<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private final Map<String, ScheduledFuture<?>> delayed = new HashMap<>();
    private boolean closed;

    OutboxSender(Outbox outbox, Requests requests, EventLoop loop, Listeners listeners, Backoff backoff,
                 RandomGenerator random, Duration timeout) {
        this.outbox = outbox;
        this.requests = requests;
        this.loop = loop;
        this.listeners = listeners;
        this.backoff = backoff;
        this.random = random;
        this.timeout = timeout;
    }

    /**
     * Follows an entry the caller already added to the outbox: its future completes when the
     * server acknowledges it. A second call for the same id shares the first one's future.
     */
    CompletableFuture<Message> track(OutboxEntry entry) {
        if (closed) return CompletableFuture.failedFuture(closedError());
        CompletableFuture<Message> future = futures.computeIfAbsent(entry.clientMessageId(), id -> new CompletableFuture<>());
        dispatch();
        return future;
    }

    /** Sends every entry that is neither on its way nor waiting out a delay, if the socket is ready. */
    void dispatch() {
        if (closed || !requests.isReady()) return;
        for (OutboxEntry entry : outbox.entries()) {
            String id = entry.clientMessageId();
            if (inFlight.contains(id) || delayed.containsKey(id)) continue;
            inFlight.add(id);
            ObjectNode data = RealtimeJson.MAPPER.valueToTree(entry.message());
            data.put("conversationId", entry.conversationId());
            requests.direct("message.send", data, timeout)
                    .whenComplete((result, error) -> answered(entry, result, error));
        }
    }

    /** Fails the futures of this process's sends; the entries stay in the outbox. */
    void close() {
        closed = true;
        delayed.values().forEach(t -> t.cancel(false));
        delayed.clear();
        futures.values().forEach(f -> f.completeExceptionally(closedError()));
        futures.clear();
    }

    private static RequestFailedException closedError() {
        return RequestFailedException.of("message.send", RequestFailedException.CLOSED,
                "the client closed before the server acknowledged the message; it stays in the outbox");
    }

    private void answered(OutboxEntry entry, JsonNode result, Throwable error) {
        String id = entry.clientMessageId();
        inFlight.remove(id);
        if (error == null) {
            acknowledged(entry, result);
            return;
        }
        RequestFailedException failure = error instanceof RequestFailedException r ? r
                : RequestFailedException.of("message.send", "internal", String.valueOf(error.getMessage()));
        if (failure.code().equals(RequestFailedException.CONNECTION_LOST)) return; // the next socket resends it
        if (failure.isTransient()) {
            int attempt = failures.merge(id, 1, Integer::sum) - 1;
            ScheduledFuture<?> timer = loop.schedule(() -> {
                delayed.remove(id);
                dispatch();
            }, backoff.delay(attempt, random));
            if (timer != null) delayed.put(id, timer);
            return;
        }
        forget(id);
        listeners.dispatch(new ClientEvent.SendFailed(entry, failure));
        CompletableFuture<Message> future = futures.remove(id);
        if (future != null) future.completeExceptionally(failure);
    }

    private void acknowledged(OutboxEntry entry, JsonNode result) {
        String id = entry.clientMessageId();
        forget(id);
        Message message = RealtimeJson.read(result.path("message"), Message.class);
        boolean created = result.path("created").asBoolean(false);
        listeners.dispatch(new ClientEvent.MessageSent(id, message, created));
        CompletableFuture<Message> future = futures.remove(id);
        if (future != null) future.complete(message);
    }

    private void forget(String id) {
        failures.remove(id);
        try {
            outbox.remove(id);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot remove " + id + " from the outbox", e);
        }
    }
}
