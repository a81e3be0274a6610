package dev.parley.server.ws;

import dev.parley.core.port.EventLog;
import dev.parley.core.port.MembershipIndex;
import dev.parley.core.presence.PresenceService;
import dev.parley.core.typing.TypingService;
import dev.parley.server.Backend;
import dev.parley.server.Services;
import dev.parley.server.auth.Authenticator;
import dev.parley.server.config.RealtimeSettings;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket side of a server (docs/protocol.md): the open connections, the fan-out of events,
 * the operations and the periodic housekeeping. Built from the backend; {@link WsEndpoint} puts it
 * on {@code /ws}. {@link #close} closes every socket with 1001 (the server is going away) and
 * stores the connected users' last-seen time. Thread-safe.
 */
public final class Realtime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Realtime.class);
    /** How long a closed connection may take to finish its close handshake before it is cut. */
    private static final long DISCONNECT_AFTER_MS = 5_000;
    private static final int MEMBER_CACHE_ENTRIES = 10_000;

    final RealtimeSettings settings;
    final Clock clock;
    final Authenticator authenticator;
    final Services services;
    final PresenceService presence;
    final TypingService typing;
    final MembershipIndex memberships;
    final EventLog eventLog;
    final ConnectionRegistry registry = new ConnectionRegistry();
    final FanOut fanOut;
    final Operations operations;
    private final ScheduledExecutorService scheduler;
    private final java.util.concurrent.atomic.AtomicLong connectionIds = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean closed;

    public Realtime(Backend backend) {
        this.settings = backend.config().realtime();
        this.services = backend.services();
        this.clock = services.ports().clock();
        this.authenticator = backend.authenticator();
        this.presence = backend.presence();
        this.typing = backend.typing();
        this.memberships = backend.memberships();
        this.eventLog = services.ports().eventLog();
        MemberCache members = new MemberCache(services.ports().tx(), services.ports().conversations(),
                MEMBER_CACHE_ENTRIES);
        this.fanOut = new FanOut(registry, members, memberships, presence);
        this.operations = new Operations(this);
        SessionOps.register(operations, this);
        MessageOps.register(operations, services);
        LiveOps.register(operations, this);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("parley-ws-housekeeping").factory());
        fanOut.subscribe(services.ports().bus());
        new Housekeeping(this, clock).start(scheduler, Housekeeping.period(settings.pingInterval(), settings.authTimeout()));
    }

    public RealtimeSettings settings() {
        return settings;
    }

    /** How many sockets are open (authenticated or not). */
    public int connectionCount() {
        return registry.size();
    }

    boolean isClosed() {
        return closed;
    }

    /** A new connection's id (1, 2, 3 … on this node), for logs and error messages. */
    long nextConnectionId() {
        return connectionIds.incrementAndGet();
    }

    /** A connection authenticated for the first time: the user's presence may change. */
    void connected(Connection connection, String userId) {
        presence.connected(userId).ifPresent(fanOut::presence);
    }

    /** Cuts a socket that has not finished closing after a while (a client that stopped reading). */
    void disconnectLater(Session session) {
        if (scheduler.isShutdown()) return;
        try {
            scheduler.schedule(() -> {
                if (session.isOpen()) session.disconnect();
            }, DISCONNECT_AFTER_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("Housekeeping stopped; not scheduling a disconnect");
        }
    }

    /** Closes every socket with 1001, stops the housekeeping and the fan-out, stores last-seen times. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        fanOut.close();
        try {
            presence.recordConnectedAsSeen();
        } catch (RuntimeException e) {
            LOG.warn("Could not store the last-seen times of connected users", e);
        }
        for (Connection connection : registry.all()) {
            connection.close(CloseCodes.GOING_AWAY, "The server is shutting down; reconnect and resume");
        }
        scheduler.shutdownNow();
    }
}
