package dev.parley.server.ws;

import dev.parley.core.error.ParleyException;
import dev.parley.core.event.ChatEvent;
import dev.parley.core.port.EventLog;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persisted events of one connection: each exactly once and in seq order per conversation,
 * although the bus delivers at most once. The connection keeps, per conversation of its user, the
 * last seq it sent (its cursor). An event at or below the cursor is a duplicate and dropped; the
 * next one is sent; one further ahead means the bus lost events, and the missing ones are read
 * from the event log first. Such a catch-up runs on its own virtual thread (never on the bus or a
 * socket reader); live events wait in a bounded backlog meanwhile.
 *
 * <p>Resume uses the same mechanism: before it, the connection gets no events; while it replays
 * from the log, live events wait in the backlog; then the backlog goes through the cursors (so
 * events committed during the replay are neither lost nor repeated), the reply is queued, and
 * the connection is live. Thread-safe; the lock is never held across I/O or a wait.
 */
final class EventDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(EventDelivery.class);
    private static final int REPLAY_PAGE = 200;

    /** Where the frames go. */
    interface Output {
        /** Queues a frame without waiting; false if the connection is closed (or was, for overflowing). */
        boolean send(String frame);

        /** Queues a frame, waiting a while for room; false if the connection is closed (or was, for lack of room). */
        boolean sendWaiting(String frame);

        /** The connection cannot keep up (backlog full, too far behind): close it as a slow consumer. */
        void overflow(String reason);
    }

    /** The outcome of a resume: see docs/protocol.md. */
    record Resumed(List<Position> tooFarBehind, List<Position> unknown, List<String> removed) {
    }

    /** A conversation and its last seq. */
    record Position(String conversationId, long lastSeq) {
    }

    private enum Phase { WAITING, RESUMING, LIVE, CLOSED }

    private enum Step { SKIP, NEXT, SUBSCRIBE, AVAILABLE, GAP }

    private record Held(ChatEvent event, String frame) {
    }

    private final String userId;
    private final EventLog log;
    private final Output output;
    private final int maxCatchUp;
    private final int maxBacklog;
    private final Consumer<String> onRemoved;

    private final Object lock = new Object();
    private final Map<String, Long> cursors = new HashMap<>();
    /** Live events held while a resume or catch-up runs; null while none are held. */
    private ArrayDeque<Held> backlog;
    private Phase phase = Phase.WAITING;
    private boolean draining;

    /**
     * @param maxCatchUp most events read from the log for one conversation (the resume window)
     * @param maxBacklog most live events held while a catch-up runs
     * @param onRemoved  told about a conversation the user was removed from (after its event was queued)
     */
    EventDelivery(String userId, EventLog log, Output output, int maxCatchUp, int maxBacklog, Consumer<String> onRemoved) {
        this.userId = userId;
        this.log = log;
        this.output = output;
        this.maxCatchUp = maxCatchUp;
        this.maxBacklog = maxBacklog;
        this.onRemoved = onRemoved;
    }

    /** True once the resume reply was queued: the connection receives events. */
    boolean isLive() {
        synchronized (lock) {
            return phase == Phase.LIVE;
        }
    }

    /** A live event for this connection's user, with its frame; never blocks. */
    void offer(ChatEvent event, String frame) {
        boolean startCatchUp = false;
        synchronized (lock) {
            switch (phase) {
                case WAITING, CLOSED -> {
                    return;
                }
                case RESUMING -> {
                    hold(event, frame);
                    return;
                }
                case LIVE -> {
                    if (draining) {
                        hold(event, frame);
                        return;
                    }
                    Step step = step(event);
                    if (step == Step.GAP) {
                        hold(event, frame);
                        draining = true;
                        startCatchUp = true;
                    } else {
                        for (String f : apply(event, frame, step)) {
                            if (!output.send(f)) return;
                        }
                    }
                }
            }
        }
        if (startCatchUp) Thread.ofVirtual().name("parley-ws-catch-up").start(this::drain);
    }

    /**
     * Replays what the client misses and makes the connection live; the reply frame is queued
     * after the replayed events and before any live one. 409 if the connection resumed already.
     *
     * @param named           conversation id to the last seq the client holds
     * @param conversationsOf the user's conversations with their last seq (read once, after buffering began)
     * @param reply           the frame answering the resume, made from the outcome
     */
    Resumed resume(Map<String, Long> named, java.util.function.Supplier<Map<String, Long>> conversationsOf,
                   java.util.function.Function<Resumed, String> reply) {
        synchronized (lock) {
            if (phase != Phase.WAITING) {
                throw ParleyException.conflict("This connection has resumed already; reconnect to resume again");
            }
            phase = Phase.RESUMING;
        }
        try {
            Map<String, Long> mine = conversationsOf.get();
            List<Position> tooFarBehind = new ArrayList<>();
            List<Position> unknown = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            for (Map.Entry<String, Long> entry : named.entrySet()) {
                String conversationId = entry.getKey();
                Long last = mine.get(conversationId);
                if (last == null) {
                    removed.add(conversationId);
                } else if (entry.getValue() > last || last - entry.getValue() > maxCatchUp) {
                    tooFarBehind.add(new Position(conversationId, last));
                    setCursor(conversationId, last);
                } else {
                    setCursor(conversationId, replay(conversationId, entry.getValue(), last));
                }
            }
            mine.forEach((conversationId, last) -> {
                if (!named.containsKey(conversationId)) {
                    unknown.add(new Position(conversationId, last));
                    setCursor(conversationId, last);
                }
            });
            Resumed resumed = new Resumed(tooFarBehind, unknown, removed);
            while (true) {
                Held next;
                synchronized (lock) {
                    if (phase == Phase.CLOSED) return resumed;
                    next = nextHeld();
                    if (next == null) {
                        // Live from here, but events wait in the backlog until the reply is queued:
                        // the reply may have to wait for room (the replay can fill the queue).
                        phase = Phase.LIVE;
                        draining = true;
                        break;
                    }
                }
                if (!catchUpAndSend(next)) return resumed;
            }
            if (output.sendWaiting(reply.apply(resumed))) drain();
            return resumed;
        } catch (RuntimeException e) {
            synchronized (lock) {
                if (phase == Phase.RESUMING) phase = Phase.WAITING;
                backlog = null;
                cursors.clear();
            }
            throw e;
        }
    }

    /** Stops delivering; what is held is dropped. */
    void close() {
        synchronized (lock) {
            phase = Phase.CLOSED;
            backlog = null;
        }
    }

    /** The conversations this connection follows, for tests and diagnostics. */
    Map<String, Long> cursors() {
        synchronized (lock) {
            return Map.copyOf(cursors);
        }
    }

    /** Sends the logged events after {@code from} up to {@code last}; returns the last seq sent (or {@code from}). */
    private long replay(String conversationId, long from, long last) {
        long cursor = from;
        while (cursor < last) {
            List<ChatEvent> page = log.readAfter(conversationId, cursor, (int) Math.min(REPLAY_PAGE, last - cursor));
            if (page.isEmpty()) break;
            for (ChatEvent event : page) {
                if (!output.sendWaiting(EventFrames.of(event))) throw new ConnectionClosed();
                cursor = event.seq();
            }
        }
        return cursor;
    }

    private void drain() {
        try {
            while (true) {
                Held next;
                synchronized (lock) {
                    if (phase == Phase.CLOSED) {
                        draining = false;
                        return;
                    }
                    next = nextHeld();
                    if (next == null) {
                        draining = false;
                        return;
                    }
                }
                if (!catchUpAndSend(next)) return;
            }
        } catch (RuntimeException e) {
            LOG.warn("Catching up the events of a connection of {} failed", userId, e);
            output.overflow("Catching up failed; reconnect and resume");
        }
    }

    /** Fills a gap before the held event from the log, then sends it; false if the connection closed. */
    private boolean catchUpAndSend(Held held) {
        ChatEvent event = held.event();
        Step step;
        long cursor;
        synchronized (lock) {
            step = step(event);
            cursor = cursors.getOrDefault(event.conversationId(), 0L);
        }
        if (step == Step.GAP) {
            long missing = event.seq() - cursor - 1;
            if (missing > maxCatchUp) {
                output.overflow("Too far behind in " + event.conversationId() + "; reconnect and resume");
                return false;
            }
            for (ChatEvent earlier : log.readAfter(event.conversationId(), cursor, (int) missing)) {
                if (!sendWaiting(earlier, EventFrames.of(earlier))) return false;
            }
        }
        return sendWaiting(event, held.frame());
    }

    private boolean sendWaiting(ChatEvent event, String frame) {
        List<String> frames;
        synchronized (lock) {
            if (phase == Phase.CLOSED) return false;
            Step step = step(event);
            if (step == Step.GAP) {
                LOG.warn("The event log lacks events of {} before seq {}; sending on", event.conversationId(), event.seq());
                step = Step.NEXT;
            }
            frames = apply(event, frame, step);
        }
        for (String f : frames) {
            if (!output.sendWaiting(f)) return false;
        }
        return true;
    }

    /** Where the event stands against the cursors. Call with the lock held. */
    private Step step(ChatEvent event) {
        Long cursor = cursors.get(event.conversationId());
        if (cursor == null) {
            if (event instanceof ChatEvent.ConversationCreated) return Step.SUBSCRIBE;
            if (event instanceof ChatEvent.MemberAdded added && added.userId().equals(userId)) return Step.AVAILABLE;
            return Step.SKIP;
        }
        if (event.seq() <= cursor) return Step.SKIP;
        if (event.seq() == cursor + 1) return Step.NEXT;
        return Step.GAP;
    }

    /** Moves the cursor for an event and returns the frames to send for it. Call with the lock held. */
    private List<String> apply(ChatEvent event, String frame, Step step) {
        String conversationId = event.conversationId();
        return switch (step) {
            case SKIP -> List.of();
            case SUBSCRIBE -> {
                cursors.put(conversationId, event.seq());
                yield List.of(frame);
            }
            case AVAILABLE -> {
                cursors.put(conversationId, event.seq());
                yield List.of(EventFrames.available(conversationId, event.seq()));
            }
            case NEXT, GAP -> {
                if (event instanceof ChatEvent.MemberRemoved removed && removed.userId().equals(userId)) {
                    cursors.remove(conversationId);
                    onRemoved.accept(conversationId);
                } else {
                    cursors.put(conversationId, event.seq());
                }
                yield List.of(frame);
            }
        };
    }

    private void hold(ChatEvent event, String frame) {
        if (backlog == null) backlog = new ArrayDeque<>();
        if (backlog.size() >= maxBacklog) {
            backlog = null;
            output.overflow("Too many events while catching up; reconnect and resume");
            return;
        }
        backlog.add(new Held(event, frame));
    }

    /** The oldest held event, or null; the backlog is dropped once empty. Call with the lock held. */
    private Held nextHeld() {
        if (backlog == null) return null;
        Held next = backlog.poll();
        if (next == null) backlog = null;
        return next;
    }

    /** Whether a backlog is held (for tests: a live connection that is not catching up holds none). */
    boolean holdsBacklog() {
        synchronized (lock) {
            return backlog != null;
        }
    }

    private void setCursor(String conversationId, long seq) {
        synchronized (lock) {
            cursors.put(conversationId, seq);
        }
    }

    /** The connection closed during a replay. */
    static final class ConnectionClosed extends RuntimeException {
        ConnectionClosed() {
            super("The connection closed", null, false, false);
        }
    }
}
