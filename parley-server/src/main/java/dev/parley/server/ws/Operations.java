package dev.parley.server.ws;

import dev.parley.core.error.ParleyException;
import dev.parley.core.error.Validation;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs requests (on their own virtual threads): finds the operation, runs it with the same core
 * services as REST and answers with exactly one reply carrying the request id, {@code ok} with the
 * result or {@code error} in the REST error shape. A failure of ours is logged and answered as
 * {@code internal}; nothing of it reaches the client.
 */
final class Operations {
    private static final Logger LOG = LoggerFactory.getLogger(Operations.class);

    /** An operation: the connection and the request in, the result out. */
    @FunctionalInterface
    interface Handler {
        Object run(Connection connection, FrameCodec.Request request);
    }

    /** The result of a handler that queued its reply itself (resume). */
    static final Object REPLIED = new Object();

    private final Realtime hub;
    private final Map<String, Handler> handlers = new HashMap<>();

    Operations(Realtime hub) {
        this.hub = hub;
    }

    /** Adds an operation; {@code needsUser} ones answer 401 until the connection authenticated. */
    Operations add(String op, boolean needsUser, Handler handler) {
        Handler guarded = needsUser ? (connection, request) -> {
            connection.userId();
            return handler.run(connection, request);
        } : handler;
        if (handlers.putIfAbsent(op, guarded) != null) throw new IllegalArgumentException("Operation " + op + " twice");
        return this;
    }

    /** Runs a request; {@code done} runs once the work is over, just before the reply is queued. */
    void handle(Connection connection, FrameCodec.Request request, Runnable done) {
        String reply;
        try {
            awaitAuthentication(connection);
            Handler handler = handlers.get(request.op());
            if (handler == null) throw ParleyException.invalid("op", "is not a known operation: " + request.op());
            Object result = handler.run(connection, request);
            if (result == REPLIED) {
                afterRequest(connection);
                return;
            }
            reply = FrameCodec.ok(request.id(), result);
        } catch (ParleyException e) {
            reply = FrameCodec.error(request.id(), e);
        } catch (EventDelivery.ConnectionClosed e) {
            return;
        } catch (RuntimeException e) {
            LOG.error("Operation {} failed on connection {}", request.op(), connection.id, e);
            reply = FrameCodec.internalError(request.id(), connection.id);
        }
        done.run();
        connection.send(reply, OutboundQueue.Kind.CONTENT);
        afterRequest(connection);
    }

    /** A request counts as activity for presence (an idle user comes back). */
    private void afterRequest(Connection connection) {
        connection.user().flatMap(hub.presence::active).ifPresent(hub.fanOut::presence);
    }

    /** Requests sent right after connecting with a bearer header wait for its check. */
    private static void awaitAuthentication(Connection connection) {
        CompletableFuture<Void> pending = connection.headerAuthentication();
        if (pending == null || pending.isDone()) return;
        try {
            pending.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the header check answered for itself (close 4401); this request then meets "authenticate first"
        }
    }

    /** The request's data as {@code type} (see {@link FrameCodec#data}). */
    static <T> T data(FrameCodec.Request request, Class<T> type) {
        return FrameCodec.data(request.data(), type);
    }

    /** 400 unless {@code value} is a string of 1-64 characters. */
    static String requireId(String value, String field) {
        new Validation().requireText(value, field, 1, 64).throwIfInvalid();
        return value;
    }
}
