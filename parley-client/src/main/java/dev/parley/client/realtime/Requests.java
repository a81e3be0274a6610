package dev.parley.client.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * The requests of one client and their replies. Each request gets an id unique for the client's
 * life, a timeout, and a future that completes on the event thread with the reply's
 * {@code result} or a {@link RequestFailedException}. A wire is {@link #attach attached} while the
 * socket is open and {@link #ready} once it resumed: {@link #direct} requests (auth, resume,
 * acknowledgements) need an attached wire, {@link #queued} requests (the application's) wait for a
 * ready one. When the socket is lost, requests on it fail with
 * {@link RequestFailedException#CONNECTION_LOST}; queued ones keep waiting until their timeout.
 *
 * <p>Not thread-safe: used on the event thread only.
 */
final class Requests {
    private final EventLoop loop;
    private final Map<String, Request> sent = new HashMap<>();
    private final ArrayDeque<Request> waiting = new ArrayDeque<>();
    private long nextId;
    private Wire wire;
    private boolean ready;

    private final class Request {
        final String op;
        final ObjectNode data;
        final CompletableFuture<JsonNode> future = new CompletableFuture<>();
        ScheduledFuture<?> timer;
        String id;

        Request(String op, ObjectNode data) {
            this.op = op;
            this.data = data;
        }

        void fail(String code, String message) {
            finish();
            future.completeExceptionally(RequestFailedException.of(op, code, message));
        }

        void finish() {
            if (id != null) sent.remove(id);
            waiting.remove(this);
            if (timer != null) timer.cancel(false);
        }
    }

    Requests(EventLoop loop) {
        this.loop = loop;
    }

    void attach(Wire value) {
        this.wire = value;
        this.ready = false;
    }

    /** The attached wire resumed: waiting requests go out, in order. */
    void ready() {
        if (wire == null) return;
        ready = true;
        while (!waiting.isEmpty()) transmit(waiting.poll());
    }

    boolean isReady() {
        return wire != null && ready;
    }

    /** The socket is gone: requests sent on it fail with {@code connection_lost}. */
    void detach(String why) {
        wire = null;
        ready = false;
        for (Request r : new ArrayList<>(sent.values())) r.fail(RequestFailedException.CONNECTION_LOST, why);
    }

    /** The client closed: every request fails with {@code closed}. */
    void close() {
        wire = null;
        ready = false;
        for (Request r : new ArrayList<>(sent.values())) r.fail(RequestFailedException.CLOSED, "the client closed");
        for (Request r : new ArrayList<>(waiting)) r.fail(RequestFailedException.CLOSED, "the client closed");
    }

    /** Sends now on the attached wire, or fails at once with {@code connection_lost} without one. */
    CompletableFuture<JsonNode> direct(String op, ObjectNode data, Duration timeout) {
        Request r = new Request(op, data);
        if (wire == null) {
            r.future.completeExceptionally(RequestFailedException.of(op, RequestFailedException.CONNECTION_LOST, "not connected"));
            return r.future;
        }
        arm(r, timeout);
        transmit(r);
        return r.future;
    }

    /** Sends once the wire is ready (now if it is); fails with {@code timeout} if that takes too long. */
    CompletableFuture<JsonNode> queued(String op, ObjectNode data, Duration timeout) {
        Request r = new Request(op, data);
        arm(r, timeout);
        if (isReady()) transmit(r);
        else waiting.add(r);
        return r.future;
    }

    /** Completes the request the reply answers; false if none is pending under that id. */
    boolean reply(ServerFrame frame) {
        String id = switch (frame) {
            case ServerFrame.Ok ok -> ok.id();
            case ServerFrame.Failed failed -> failed.id();
            default -> null;
        };
        Request r = id == null ? null : sent.get(id);
        if (r == null) return false;
        r.finish();
        switch (frame) {
            case ServerFrame.Ok ok -> r.future.complete(ok.result());
            case ServerFrame.Failed failed -> r.future.completeExceptionally(failed.exception(r.op));
            default -> throw new IllegalStateException();
        }
        return true;
    }

    /** How many requests wait for a reply or for the wire. */
    int pending() {
        return sent.size() + waiting.size();
    }

    private void arm(Request r, Duration timeout) {
        r.timer = loop.schedule(() -> {
            if (!r.future.isDone()) r.fail(RequestFailedException.TIMEOUT, "no reply within " + timeout.toMillis() + " ms");
        }, timeout);
    }

    private void transmit(Request r) {
        r.id = Long.toString(++nextId);
        sent.put(r.id, r);
        wire.send(ServerFrame.request(r.id, r.op, r.data));
    }
}
