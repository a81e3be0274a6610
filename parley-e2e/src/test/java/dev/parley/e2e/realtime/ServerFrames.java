package dev.parley.e2e.realtime;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every frame a server sent to the realtime tests' sockets, and every request a server accepted,
 * kept for {@link EventSchemaTest} to validate against docs/api/asyncapi.yaml once the realtime
 * tests ran. Bounded: past {@link #LIMIT} frames only the count grows.
 */
final class ServerFrames {
    static final int LIMIT = 200_000;
    private static final ConcurrentLinkedQueue<Frame> FRAMES = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<Accepted> ACCEPTED = new ConcurrentLinkedQueue<>();
    private static final AtomicLong COUNT = new AtomicLong();

    private ServerFrames() {
    }

    /**
     * A text frame from a server.
     *
     * @param op the op of the request this frame answers, null for events and refusals of bad frames
     */
    static void received(String text, String op) {
        if (COUNT.incrementAndGet() <= LIMIT) FRAMES.add(new Frame(text, op));
    }

    /** A request the server answered with {@code ok}. */
    static void accepted(String op, String request) {
        if (ACCEPTED.size() < LIMIT) ACCEPTED.add(new Accepted(op, request));
    }

    static List<Frame> frames() {
        return List.copyOf(FRAMES);
    }

    static List<Accepted> accepted() {
        return List.copyOf(ACCEPTED);
    }

    static long count() {
        return COUNT.get();
    }

    /** A frame as text, with the op it answers (null when it answers none). */
    record Frame(String text, String op) {
    }

    /** A request frame as text that the server accepted. */
    record Accepted(String op, String request) {
    }
}
