package dev.parley.server.ws;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;

/**
 * One connection's frames waiting to be written, bounded by count and by size (in characters).
 * Above three quarters of either bound, ephemeral frames (typing, presence) are shed; content
 * that does not fit is refused, and the connection is then closed as a slow consumer. A frame
 * always fits into an empty queue, so one large answer can go out; memory stays within the
 * bounds plus one frame. One writer takes frames in order, and only while there are frames: the
 * first frame queued while no writer runs starts one ({@code startWriter}), and the writer stops
 * when {@link #drainTo} finds the queue empty, so an idle connection holds no thread. Nor does it hold
 * a buffer: the deque is made for the first waiting frame and dropped when the writer finds it
 * empty. Thread-safe (the queue's own monitor guards it; producers that wait for room wait on it);
 * no lock is held while a frame is written to the socket.
 */
final class OutboundQueue {
    /** What a frame is, for shedding: content must arrive; ephemeral frames may be dropped under pressure. */
    enum Kind { CONTENT, EPHEMERAL }

    /** The outcome of an offer. */
    enum Offer { QUEUED, SHED, OVERFLOW, CLOSED }

    private final int maxFrames;
    private final long maxChars;
    /** The waiting frames; null while none wait. */
    private ArrayDeque<String> frames;
    private long chars;
    private final Runnable startWriter;
    private boolean closed;
    private boolean writing;
    private long shed;

    /** @param startWriter starts a writer that calls {@link #drainTo} until it returns false; called under the queue's monitor, must not block */
    OutboundQueue(int maxFrames, long maxChars, Runnable startWriter) {
        if (maxFrames < 1 || maxChars < 1) throw new IllegalArgumentException("bounds must be positive");
        this.maxFrames = maxFrames;
        this.maxChars = maxChars;
        this.startWriter = startWriter;
    }

    /** Queues a frame without waiting. */
    synchronized Offer offer(String frame, Kind kind) {
        if (closed) return Offer.CLOSED;
        if (kind == Kind.EPHEMERAL && underPressure()) {
            shed++;
            return Offer.SHED;
        }
        if (!fits(frame)) return Offer.OVERFLOW;
        add(frame);
        return Offer.QUEUED;
    }

    /** Queues a content frame, waiting up to {@code timeout} for room; OVERFLOW if none came. */
    synchronized Offer offerWaiting(String frame, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!closed && !fits(frame)) {
            long nanos = deadline - System.nanoTime();
            if (nanos <= 0) return Offer.OVERFLOW;
            wait(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
        if (closed) return Offer.CLOSED;
        add(frame);
        return Offer.QUEUED;
    }

    /**
     * Moves up to {@code max} waiting frames, in order, into {@code into} for the writer; false if
     * there were none: then the queue is empty or closed and the writer must stop (a later frame
     * starts a new one).
     */
    synchronized boolean drainTo(List<String> into, int max) {
        if (closed || frames == null || frames.isEmpty()) {
            writing = false;
            frames = null;
            return false;
        }
        for (int i = 0; i < max && !frames.isEmpty(); i++) {
            String frame = frames.poll();
            chars -= frame.length();
            into.add(frame);
        }
        notifyAll();
        return true;
    }

    /** Drops every waiting frame and refuses new ones; wakes waiting producers (the writer stops at its next frame). */
    synchronized void close() {
        closed = true;
        frames = null;
        chars = 0;
        notifyAll();
    }

    synchronized int size() {
        return frames == null ? 0 : frames.size();
    }

    synchronized long chars() {
        return chars;
    }

    /** How many ephemeral frames were dropped so far. */
    synchronized long shedCount() {
        return shed;
    }

    /** Whether the queue holds a deque for waiting frames (for tests: an idle queue holds none). */
    synchronized boolean holdsBuffer() {
        return frames != null;
    }

    private boolean underPressure() {
        return size() * 4L > maxFrames * 3L || chars * 4 > maxChars * 3;
    }

    private boolean fits(String frame) {
        int size = size();
        if (size == 0) return true;
        return size < maxFrames && chars + frame.length() <= maxChars;
    }

    private void add(String frame) {
        if (frames == null) frames = new ArrayDeque<>();
        frames.add(frame);
        chars += frame.length();
        if (!writing) {
            writing = true;
            startWriter.run();
        }
    }
}
