package dev.parley.server.ws;

import dev.parley.core.error.ParleyException;
import dev.parley.core.event.ChatEvent;
import dev.parley.server.auth.Authenticator;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.util.FutureCallback;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.WebSocketConnection;
import org.eclipse.jetty.websocket.core.WebSocketCoreSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection: who it is (once authenticated), its bounded outbound queue with one
 * writer (a virtual thread that runs only while frames wait and writes what waits together, one
 * batch in flight, no lock held while writing), its ordered event delivery, the conversations it focuses, and its deadlines
 * (authentication, token expiry, heartbeat). Requests run on virtual threads, at most
 * {@value #MAX_IN_FLIGHT} at a time. Thread-safe.
 *
 * <p>An idle connection keeps little: its flags and counters are plain fields (no atomics or
 * semaphores of their own), and what only some connections need is made on first use and dropped
 * when done: the set of focused conversations, the outbound queue's deque (see
 * {@link OutboundQueue}), the delivery's backlog (see {@link EventDelivery}) and the header check.
 *
 * <p>It is also the socket's listener on Jetty's WebSocket API (mounted by {@link SocketMount}); it
 * is public only because Jetty calls those methods through method handles.
 */
public final class Connection implements Session.Listener.AutoDemanding {
    static final int MAX_IN_FLIGHT = 256;
    /** The most frames the writer hands to Jetty as one batch. */
    static final int WRITE_BATCH = 64;
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    /** Queued to close the connection once everything before it was written (compared by identity). */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String CLOSE = new String("close");
    private static final VarHandle CLOSED;
    private static final VarHandle IN_FLIGHT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            CLOSED = lookup.findVarHandle(Connection.class, "closed", boolean.class);
            IN_FLIGHT = lookup.findVarHandle(Connection.class, "inFlight", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Who the connection is: the user, the login session (null for host tokens) and the token's expiry. */
    record Identity(String userId, String sessionId, Instant expiresAt) {
    }

    final long id;
    private volatile Session session;
    private final Realtime hub;
    private final OutboundQueue queue;
    private final long openedNanos;
    private volatile boolean closed;
    /** Requests running (changed through {@link #IN_FLIGHT}). */
    private volatile int inFlight;
    /** The conversations this connection focuses; null until the first focus. */
    private volatile Set<String> focused;
    /** Jetty's connection, which counts every frame read (pongs too); null if the socket is not Jetty's. */
    private WebSocketConnection transport;
    /** Text and binary frames read, counted when there is no {@link #transport} to ask. */
    private volatile long framesRead;
    private final Object authLock = new Object();
    private volatile Identity identity;
    private volatile EventDelivery delivery;
    /** The running check of the upgrade's bearer header; null when there is none or once it finished. */
    private volatile CompletableFuture<Void> headerAuthentication;
    /** The upgrade request's {@code Authorization} header until the socket opens (then it is checked and dropped). */
    private String authorization;
    private boolean cleanedUp;
    private volatile int pendingCloseCode;
    private volatile String pendingCloseReason;
    private long lastFramesIn;
    private long lastHeardNanos;
    private long lastPingNanos;

    /** A connection being upgraded; {@code authorization} is the upgrade request's header (null if none). */
    Connection(Realtime hub, String authorization) {
        this.id = hub.nextConnectionId();
        this.hub = hub;
        this.authorization = authorization;
        this.queue = new OutboundQueue(hub.settings.queueFrames(), hub.settings.queueBytes(),
                () -> Thread.ofVirtual().name("parley-ws-writer-" + id).start(this::write));
        this.openedNanos = System.nanoTime();
        this.lastHeardNanos = openedNanos;
        this.lastPingNanos = openedNanos;
    }

    /** The socket is open: the connection is registered and a bearer header is checked on a virtual thread. */
    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        this.transport = transport(session);
        this.lastFramesIn = framesIn();
        String header = authorization;
        authorization = null;
        if (hub.isClosed()) {
            close(CloseCodes.GOING_AWAY, "The server is shutting down");
            return;
        }
        hub.registry.opened(this);
        if (header != null) {
            CompletableFuture<Void> check = new CompletableFuture<>();
            headerAuthentication = check;
            Thread.ofVirtual().name("parley-ws-auth-" + id).start(() -> WsEndpoint.authenticate(this, header, hub, check));
        }
    }

    @Override
    public void onWebSocketText(String message) {
        received(message);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        receivedBinary();
        callback.succeed();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        cleanUp();
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("WebSocket error on connection {}", id, cause);
    }

    Identity identity() {
        return identity;
    }

    /** The user id; 401 if the connection has not authenticated. */
    String userId() {
        Identity who = identity;
        if (who == null) {
            throw ParleyException.unauthenticated("Authenticate first: send an auth frame or connect with a bearer token");
        }
        return who.userId();
    }

    EventDelivery delivery() {
        return delivery;
    }

    boolean isClosed() {
        return closed;
    }

    /** The running header check; null when the client connected without one or once it finished. */
    CompletableFuture<Void> headerAuthentication() {
        return headerAuthentication;
    }

    /** The header check finished (it completed its future first): the connection forgets it. */
    void headerAuthenticationDone() {
        headerAuthentication = null;
    }

    /**
     * Takes a verified token: the first one makes the connection the user's (and starts its
     * presence); later ones must be the same user's and only move the expiry. 403 for a token of
     * another user. Returns true on the first authentication.
     */
    boolean authenticate(Authenticator.Bearer bearer) {
        synchronized (authLock) {
            if (cleanedUp) throw ParleyException.conflict("The connection is closing");
            Identity current = identity;
            if (current != null) {
                if (!current.userId().equals(bearer.userId())) {
                    throw ParleyException.forbidden("The token is for another user; open a new connection for them");
                }
                identity = new Identity(current.userId(), bearer.sessionId(), bearer.expiresAt());
                return false;
            }
            delivery = new EventDelivery(bearer.userId(), hub.eventLog, new DeliveryOutput(),
                    hub.settings.resumeMaxEvents(), hub.settings.queueFrames(), this::removedFrom);
            identity = new Identity(bearer.userId(), bearer.sessionId(), bearer.expiresAt());
            hub.registry.authenticated(this, bearer.userId());
            return true;
        }
    }

    /** A text frame arrived (on the socket's reader): bound checks and parsing here, the work on a virtual thread. */
    private void received(String text) {
        countFrame();
        if (closed) return;
        if (FrameCodec.exceeds(text, hub.settings.maxFrameBytes())) {
            send(FrameCodec.error(null, ParleyException.tooLarge(
                    "The frame is larger than " + hub.settings.maxFrameBytes() + " bytes")), OutboundQueue.Kind.CONTENT);
            return;
        }
        FrameCodec.Request request;
        try {
            request = FrameCodec.parse(text);
        } catch (FrameCodec.BadFrame bad) {
            send(FrameCodec.error(bad.id, bad.error), OutboundQueue.Kind.CONTENT);
            return;
        }
        if (!acquireRequest()) {
            send(FrameCodec.error(request.id(), ParleyException.rateLimited("more than " + MAX_IN_FLIGHT
                    + " requests in flight on one connection", java.time.Duration.ofSeconds(1))), OutboundQueue.Kind.CONTENT);
            return;
        }
        Thread.ofVirtual().name("parley-ws-request-" + id).start(() -> {
            RequestPlace place = new RequestPlace();
            try {
                hub.operations.handle(this, request, place);
            } finally {
                place.run();
            }
        });
    }

    /** A binary frame arrived: refused with an error reply. */
    private void receivedBinary() {
        countFrame();
        send(FrameCodec.error(null, ParleyException.unsupportedMediaType(
                "Binary frames are not supported; send JSON in text frames")), OutboundQueue.Kind.CONTENT);
    }

    /** A persisted event for this connection's user (from the fan-out). */
    void deliver(ChatEvent event, String frame) {
        EventDelivery d = delivery;
        if (d != null) d.offer(event, frame);
    }

    /** Queues a frame that is not a persisted event, once the connection is live (resumed). */
    void sendLive(String frame, OutboundQueue.Kind kind) {
        EventDelivery d = delivery;
        if (d != null && d.isLive()) send(frame, kind);
    }

    /** Queues a frame without waiting; content that does not fit closes the connection with 4000. */
    boolean send(String frame, OutboundQueue.Kind kind) {
        return switch (queue.offer(frame, kind)) {
            case QUEUED -> true;
            case SHED, CLOSED -> false;
            case OVERFLOW -> {
                close(CloseCodes.SLOW_CONSUMER, "The outbound queue is full; reconnect and resume");
                yield false;
            }
        };
    }

    /** Queues content, waiting up to the ping timeout for room; closes with 4000 if none came. */
    boolean sendWaiting(String frame) {
        try {
            return switch (queue.offerWaiting(frame, hub.settings.pingTimeout())) {
                case QUEUED -> true;
                case SHED, CLOSED -> false;
                case OVERFLOW -> {
                    close(CloseCodes.SLOW_CONSUMER, "The client does not read; reconnect and resume");
                    yield false;
                }
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void focus(String conversationId) {
        focusedForChange().add(conversationId);
        hub.registry.focus(this, conversationId);
        if (closed) hub.registry.blur(this, conversationId);
    }

    void blur(String conversationId) {
        Set<String> now = focused;
        if (now != null) now.remove(conversationId);
        hub.registry.blur(this, conversationId);
    }

    /** The conversations focused now (empty if none), for tests. */
    Set<String> focused() {
        Set<String> now = focused;
        return now == null ? Set.of() : Set.copyOf(now);
    }

    /** Whether the set of focused conversations was made (for tests: it is made on the first focus). */
    boolean holdsFocusSet() {
        return focused != null;
    }

    private Set<String> focusedForChange() {
        Set<String> now = focused;
        if (now != null) return now;
        synchronized (authLock) {
            if (focused == null) focused = ConcurrentHashMap.newKeySet();
            return focused;
        }
    }

    /** The user was removed from a conversation: stop focusing it. */
    private void removedFrom(String conversationId) {
        blur(conversationId);
    }

    /**
     * Checks the deadlines (on the housekeeping thread): authentication, token expiry and the
     * heartbeat (any frame read, pongs included, counts as an answer); sends the periodic ping.
     */
    void checkDeadlines(long nowNanos, Instant now) {
        if (closed) return;
        Identity who = identity;
        var check = headerAuthentication;
        boolean checking = check != null && !check.isDone();
        if (who == null && !checking && nowNanos - openedNanos >= hub.settings.authTimeout().toNanos()) {
            close(CloseCodes.AUTH_TIMEOUT, "No authentication within " + hub.settings.authTimeout().toMillis() + " ms");
            return;
        }
        if (who != null && !now.isBefore(who.expiresAt())) {
            close(CloseCodes.TOKEN_EXPIRED, "The token expired; connect again with a fresh one");
            return;
        }
        long frames = framesIn();
        if (frames != lastFramesIn) {
            lastFramesIn = frames;
            lastHeardNanos = nowNanos;
        }
        if (nowNanos - lastHeardNanos >= hub.settings.pingTimeout().toNanos()) {
            close(CloseCodes.HEARTBEAT_TIMEOUT, "No answer to pings within " + hub.settings.pingTimeout().toMillis() + " ms");
            return;
        }
        if (nowNanos - lastPingNanos >= hub.settings.pingInterval().toNanos()) {
            lastPingNanos = nowNanos;
            try {
                session.sendPing(EMPTY.duplicate(), Callback.NOOP);
            } catch (RuntimeException e) {
                LOG.debug("Could not ping connection {}", id, e);
            }
        }
    }

    /** Closes with the code (once): drops what is queued, sends the close frame, forgets the connection. */
    void close(int code, String reason) {
        if (!CLOSED.compareAndSet(this, false, true)) return;
        queue.close();
        try {
            session.close(code, reason, Callback.NOOP);
        } catch (RuntimeException e) {
            LOG.debug("Could not close connection {}", id, e);
        }
        hub.disconnectLater(session);
        cleanUp();
    }

    /** Closes with the code once every frame queued so far was written (an error reply, then the close). */
    void closeAfterWrites(int code, String reason) {
        pendingCloseCode = code;
        pendingCloseReason = reason;
        if (queue.offer(CLOSE, OutboundQueue.Kind.CONTENT) != OutboundQueue.Offer.QUEUED) close(code, reason);
    }

    /** The socket closed (either side): forgets the connection; idempotent. */
    void cleanUp() {
        Identity who;
        synchronized (authLock) {
            if (cleanedUp) return;
            cleanedUp = true;
            who = identity;
        }
        closed = true;
        queue.close();
        EventDelivery d = delivery;
        if (d != null) d.close();
        hub.registry.closed(this, who == null ? null : who.userId(), focused());
        if (who != null) hub.presence.disconnected(who.userId());
    }

    /** For tests: frames waiting to be written. */
    int queued() {
        return queue.size();
    }

    /** For tests: the socket (null until it opened). */
    Session session() {
        return session;
    }

    /** For tests: whether the outbound queue holds a deque (only while frames wait). */
    boolean holdsQueueBuffer() {
        return queue.holdsBuffer();
    }

    Optional<String> user() {
        Identity who = identity;
        return who == null ? Optional.empty() : Optional.of(who.userId());
    }

    /**
     * The writer: runs while frames wait (see {@link OutboundQueue}). It takes every frame waiting
     * (up to {@value #WRITE_BATCH}) and hands them to Jetty as one batch: all but the last are
     * batched into Jetty's output buffer, the last flushes them, so frames that waited together
     * leave in one write to the socket instead of one each. It waits for the batch before the
     * next, so at most one batch is in flight, and no lock is held while writing.
     */
    private void write() {
        List<String> frames = new ArrayList<>();
        try {
            while (queue.drainTo(frames, WRITE_BATCH)) {
                int end = frames.indexOf(CLOSE);
                sendAll(end < 0 ? frames : frames.subList(0, end));
                if (end >= 0) {
                    close(pendingCloseCode, pendingCloseReason);
                    return;
                }
                frames.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close(CloseCodes.SERVER_ERROR, "Writing was interrupted");
        } catch (ExecutionException | RuntimeException e) {
            LOG.debug("Writing to connection {} failed", id, e);
            close(CloseCodes.SERVER_ERROR, "Writing failed");
        }
    }

    /** Writes frames as one batch and waits until they were written. */
    private void sendAll(List<String> frames) throws InterruptedException, ExecutionException {
        if (frames.isEmpty()) return;
        Session open = session;
        if (!(open instanceof WebSocketSession jetty)) {
            for (String frame : frames) {
                Callback.Completable sent = new Callback.Completable();
                open.sendText(frame, sent);
                sent.get();
            }
            return;
        }
        CoreSession core = jetty.getCoreSession();
        int last = frames.size() - 1;
        for (int i = 0; i < last; i++) {
            core.sendFrame(new Frame(OpCode.TEXT).setPayload(frames.get(i)), org.eclipse.jetty.util.Callback.NOOP, true);
        }
        FutureCallback written = new FutureCallback();
        core.sendFrame(new Frame(OpCode.TEXT).setPayload(frames.get(last)), written, false);
        written.get();
    }

    /** Frames read so far: every frame (pongs included) when Jetty's connection counts them, else text and binary frames. */
    private long framesIn() {
        WebSocketConnection jetty = transport;
        return jetty != null ? jetty.getMessagesIn() : framesRead;
    }

    /** Counts a text or binary frame (only the socket's reader calls this, one frame at a time). */
    @SuppressWarnings("NonAtomicOperationOnVolatileField")
    private void countFrame() {
        framesRead++;
    }

    /** Takes one of the {@value #MAX_IN_FLIGHT} request places; false if none is free. */
    private boolean acquireRequest() {
        while (true) {
            int running = inFlight;
            if (running >= MAX_IN_FLIGHT) return false;
            if (IN_FLIGHT.compareAndSet(this, running, running + 1)) return true;
        }
    }

    private static WebSocketConnection transport(Session session) {
        if (session instanceof WebSocketSession jetty && jetty.getCoreSession() instanceof WebSocketCoreSession core) {
            return core.getConnection();
        }
        return null;
    }

    /**
     * A request's place among the {@value #MAX_IN_FLIGHT}: given back once, before its reply is
     * queued, so a client that sends its next request when the reply arrives finds the place free.
     * Used by the request's own thread only.
     */
    private final class RequestPlace implements Runnable {
        private boolean released;

        @Override
        public void run() {
            if (released) return;
            released = true;
            IN_FLIGHT.getAndAdd(Connection.this, -1);
        }
    }

    private final class DeliveryOutput implements EventDelivery.Output {
        @Override
        public boolean send(String frame) {
            return Connection.this.send(frame, OutboundQueue.Kind.CONTENT);
        }

        @Override
        public boolean sendWaiting(String frame) {
            return Connection.this.sendWaiting(frame);
        }

        @Override
        public void overflow(String reason) {
            close(CloseCodes.SLOW_CONSUMER, reason);
        }
    }
}
