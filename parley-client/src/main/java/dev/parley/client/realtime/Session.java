package dev.parley.client.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;

/**
 * The life of the client's connection: open the socket, authenticate with an {@code auth} frame,
 * resume, keep the token fresh (renew it before it expires and send a new {@code auth}), ping to
 * notice a dead socket, and when the socket closes act on the close code ({@link CloseAction}):
 * reconnect with exponential backoff and full jitter, renew the token first, or stop.
 *
 * <p>Every method runs on the event thread; a socket's reports carry its generation so that those of
 * an abandoned socket are ignored.
 */
final class Session implements Sync.Link {
    private static final System.Logger LOG = System.getLogger(Session.class.getName());

    private final RealtimeSettings settings;
    private final Wire.Connector connector;
    private final TokenSource tokens;
    private final EventLoop loop;
    private final ExecutorService background;
    private final Requests requests;
    private final Sync sync;
    private final OutboxSender outbox;
    private final DeliveredAcks delivered;
    private final Listeners listeners;
    private final ChatStore store;
    private final CompletableFuture<Void> firstLive = new CompletableFuture<>();
    private final Runnable release;

    private volatile ConnectionState state = ConnectionState.NEW;
    private int generation;
    private Wire wire;
    private int attempts;
    private boolean renewedForAuth;
    private Instant tokenExpiresAt;
    private ScheduledFuture<?> pingTimer;
    private ScheduledFuture<?> renewTimer;

    Session(RealtimeSettings settings, Wire.Connector connector, TokenSource tokens, EventLoop loop,
            ExecutorService background, Requests requests, Sync sync, OutboxSender outbox, DeliveredAcks delivered,
            Listeners listeners, ChatStore store, Runnable release) {
        this.settings = settings;
        this.connector = connector;
        this.tokens = tokens;
        this.loop = loop;
        this.background = background;
        this.requests = requests;
        this.sync = sync;
        this.outbox = outbox;
        this.delivered = delivered;
        this.listeners = listeners;
        this.store = store;
        this.release = release;
        sync.link(this);
    }

    ConnectionState state() {
        return state;
    }

    /** Opens the first socket (once); the future completes when the client is first {@link ConnectionState#LIVE}. */
    CompletableFuture<Void> start() {
        if (state == ConnectionState.NEW) open();
        return firstLive;
    }

    /** Closes for good with {@code 1000}; the future completes when the close frame went out (at most 2 seconds). */
    CompletableFuture<Void> shutdown() {
        if (state == ConnectionState.CLOSED) return CompletableFuture.completedFuture(null);
        Wire open = wire;
        requests.close(); // pending requests fail as closed, not as lost
        forgetWire("the client closed");
        CompletableFuture<Void> goodbye = open == null ? CompletableFuture.completedFuture(null)
                : open.close(1000, "closed by the client").completeOnTimeout(null, 2, java.util.concurrent.TimeUnit.SECONDS);
        stop(1000, "closed by the client", goodbye);
        return goodbye;
    }

    // ---- Sync.Link ----

    @Override
    public boolean ready() {
        return requests.isReady();
    }

    @Override
    public CompletableFuture<JsonNode> resume(Map<String, Long> positions) {
        ObjectNode data = RealtimeJson.MAPPER.createObjectNode();
        data.set("conversations", RealtimeJson.MAPPER.valueToTree(positions));
        return requests.direct("resume", data, settings.resumeTimeout());
    }

    @Override
    public void resync(String why) {
        LOG.log(System.Logger.Level.WARNING, "Reconnecting to resynchronise: " + why);
        abandon(4000, "resync: " + why);
    }

    @Override
    public void loadsSettled() {
        if (state == ConnectionState.SYNCING) live();
    }

    // ---- the socket's life ----

    private void open() {
        state(ConnectionState.CONNECTING, null, null);
        int gen = ++generation;
        Wire.Listener listener = new Wire.Listener() {
            @Override
            public void text(String frame) {
                ServerFrame decoded = ServerFrame.decode(frame); // parsed on the socket's thread
                loop.execute(() -> received(gen, decoded));
            }

            @Override
            public void closed(int code, String reason) {
                loop.execute(() -> {
                    if (gen == generation) lost(code, reason);
                });
            }
        };
        CompletableFuture<Wire> opening;
        try {
            opening = connector.open(settings.uri(), Map.of(), listener);
        } catch (RuntimeException e) {
            opening = CompletableFuture.failedFuture(e);
        }
        opening.whenComplete((w, error) -> {
            if (!loop.execute(() -> opened(gen, w, error)) && w != null) w.abort();
        });
    }

    private void opened(int gen, Wire w, Throwable error) {
        if (gen != generation || state == ConnectionState.CLOSED) {
            if (w != null) w.abort();
            return;
        }
        if (error != null) {
            lost(1006, "cannot connect: " + cause(error).getMessage());
            return;
        }
        wire = w;
        requests.attach(w);
        state(ConnectionState.AUTHENTICATING, null, null);
        String token = tokens.token();
        if (token == null) {
            abandon(4401, "no access token");
            return;
        }
        requests.direct("auth", RealtimeJson.MAPPER.createObjectNode().put("token", token), settings.requestTimeout())
                .whenComplete((result, failure) -> {
                    if (gen != generation) return;
                    if (failure == null) {
                        authenticated(gen, result);
                        resume(gen);
                    } else {
                        authRefused(failure);
                    }
                });
    }

    private void authenticated(int gen, JsonNode result) {
        renewedForAuth = false;
        String userId = RealtimeJson.text(result, "userId");
        if (userId != null) store.me(userId);
        tokenExpiresAt = RealtimeJson.instant(result.path("expiresAt"));
        scheduleRenewal(gen, 0);
    }

    private void authRefused(Throwable failure) {
        RequestFailedException error = failure instanceof RequestFailedException r ? r
                : RequestFailedException.of("auth", "internal", String.valueOf(cause(failure).getMessage()));
        if (error.code().equals(RequestFailedException.CONNECTION_LOST)) return; // the close report decides
        if (error.isTransient()) {
            abandon(1006, "auth: " + error.getMessage());
        } else if (renewedForAuth) {
            abandon(4401, "the server refused a renewed token: " + error.errorMessage());
        } else {
            abandon(4100, "the server refused the token: " + error.errorMessage());
        }
    }

    private void resume(int gen) {
        state(ConnectionState.RESUMING, null, null);
        resume(sync.positions()).whenComplete((result, failure) -> {
            if (gen != generation) return;
            if (failure != null) {
                if (!(failure instanceof RequestFailedException r && r.code().equals(RequestFailedException.CONNECTION_LOST))) {
                    abandon(1011, "resume: " + cause(failure).getMessage());
                }
                return;
            }
            attempts = 0;
            requests.ready();
            state(ConnectionState.SYNCING, null, null);
            sync.resumed(result);
            if (gen != generation) return;
            if (!sync.loading()) live();
            outbox.dispatch();
            delivered.ready();
            sync.checkGaps();
            schedulePing(gen);
        });
    }

    private void live() {
        state(ConnectionState.LIVE, null, null);
        firstLive.complete(null);
    }

    private void received(int gen, ServerFrame frame) {
        if (gen != generation) return;
        switch (frame) {
            case ServerFrame.Ok ok -> {
                if (!requests.reply(ok)) LOG.log(System.Logger.Level.DEBUG, "A reply to no pending request: " + ok.id());
            }
            case ServerFrame.Failed failed -> {
                if (!requests.reply(failed)) {
                    LOG.log(System.Logger.Level.WARNING, "The server refused a frame: " + failed.code() + " " + failed.message());
                }
            }
            case ServerFrame.Event event -> {
                switch (event.event()) {
                    case ConversationEvent e -> sync.event(e);
                    case LiveEvent e -> sync.live(e);
                    case ClientEvent e -> throw new IllegalStateException("client events do not come from the server");
                }
            }
            case ServerFrame.Unreadable unreadable ->
                    LOG.log(System.Logger.Level.WARNING, "Skipped a frame: " + unreadable.problem());
        }
    }

    /** Drops the current socket (if any) and handles it as closed with {@code code}. */
    private void abandon(int code, String reason) {
        Wire open = wire;
        lost(code, reason);
        if (open != null) open.abort();
    }

    /** The socket is gone: decide by the close code. */
    private void lost(int code, String reason) {
        forgetWire(reason);
        if (state == ConnectionState.CLOSED) return;
        switch (CloseAction.of(code)) {
            case STOP -> stop(code, reason);
            case REAUTHENTICATE -> {
                state(ConnectionState.WAITING, code, reason);
                reauthenticate(0);
            }
            case RECONNECT_NOW -> {
                state(ConnectionState.WAITING, code, reason);
                reconnectAfter(attempts++ == 0 ? Duration.ZERO : settings.backoff().delay(attempts - 1, settings.random()));
            }
            case RECONNECT_WITH_BACKOFF -> {
                state(ConnectionState.WAITING, code, reason);
                reconnectAfter(settings.backoff().delay(attempts++, settings.random()));
            }
        }
    }

    private void forgetWire(String why) {
        generation++;
        wire = null;
        cancel(pingTimer);
        cancel(renewTimer);
        requests.detach(why);
        sync.connectionLost();
    }

    private void reconnectAfter(Duration delay) {
        loop.schedule(() -> {
            if (state == ConnectionState.WAITING) open();
        }, delay);
    }

    /** Gets a fresh token on a background thread, then reconnects; stops if none can be had. */
    private void reauthenticate(int attempt) {
        inBackground(() -> {
            String fresh;
            try {
                fresh = tokens.renew();
            } catch (RuntimeException e) {
                Duration wait = settings.backoff().delay(attempt, settings.random());
                LOG.log(System.Logger.Level.WARNING, "Renewing the token failed (" + e.getMessage() + "); retrying in "
                        + wait.toMillis() + " ms");
                loop.schedule(() -> {
                    if (state == ConnectionState.WAITING) reauthenticate(attempt + 1);
                }, wait);
                return;
            }
            loop.execute(() -> {
                if (state != ConnectionState.WAITING) return;
                if (fresh == null) {
                    stop(4401, "no fresh token can be had");
                    return;
                }
                renewedForAuth = true;
                open();
            });
        });
    }

    /** Renews the token before it expires and sends it in a new {@code auth} frame on the same socket. */
    private void scheduleRenewal(int gen, int attempt) {
        cancel(renewTimer);
        if (tokenExpiresAt == null) return;
        Duration left = Duration.between(settings.clock().instant(), tokenExpiresAt);
        Duration lead = settings.tokenRenewLead();
        Duration wait = attempt > 0 ? settings.backoff().delay(attempt - 1, settings.random())
                : left.compareTo(lead.multipliedBy(2)) > 0 ? left.minus(lead) : left.dividedBy(2);
        renewTimer = loop.schedule(() -> {
            if (gen != generation) return;
            inBackground(() -> {
                String fresh;
                try {
                    fresh = tokens.renew();
                } catch (RuntimeException e) {
                    loop.execute(() -> {
                        if (gen == generation) scheduleRenewal(gen, attempt + 1);
                    });
                    return;
                }
                loop.execute(() -> reauthorize(gen, fresh));
            });
        }, wait.isNegative() ? Duration.ZERO : wait);
    }

    private void reauthorize(int gen, String fresh) {
        if (gen != generation || fresh == null) return; // without a fresh token the server closes with 41xx
        requests.direct("auth", RealtimeJson.MAPPER.createObjectNode().put("token", fresh), settings.requestTimeout())
                .whenComplete((result, failure) -> {
                    if (gen != generation) return;
                    if (failure == null) authenticated(gen, result);
                    else LOG.log(System.Logger.Level.WARNING, "Re-authentication failed: " + cause(failure).getMessage());
                });
    }

    private void schedulePing(int gen) {
        Duration interval = settings.pingInterval();
        if (interval == null || interval.isZero()) return;
        pingTimer = loop.schedule(() -> {
            if (gen != generation) return;
            requests.direct("ping", null, settings.requestTimeout()).whenComplete((result, failure) -> {
                if (gen != generation) return;
                if (failure instanceof RequestFailedException r && r.code().equals(RequestFailedException.TIMEOUT)) {
                    abandon(1006, "no reply to a ping");
                } else {
                    schedulePing(gen);
                }
            });
        }, interval);
    }

    private void stop(int code, String reason) {
        stop(code, reason, CompletableFuture.completedFuture(null));
    }

    /** Stops for good; the resources go once {@code goodbye} is done. */
    private void stop(int code, String reason, CompletableFuture<Void> goodbye) {
        forgetWire(reason);
        state(ConnectionState.CLOSED, code, reason);
        requests.close();
        outbox.close();
        delivered.close();
        sync.close();
        background.shutdownNow();
        firstLive.completeExceptionally(RequestFailedException.of(null, RequestFailedException.CLOSED,
                "the client stopped: " + code + " " + reason));
        loop.execute(loop::close);
        goodbye.whenComplete((ok, error) -> release.run());
    }

    private void state(ConnectionState next, Integer code, String reason) {
        if (state == next && code == null) return;
        state = next;
        listeners.dispatch(new ClientEvent.ConnectionChanged(next, code, reason));
    }

    private void inBackground(Runnable task) {
        try {
            background.execute(task);
        } catch (RejectedExecutionException closed) {
            // the client is closed
        }
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) timer.cancel(false);
    }

    private static Throwable cause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
