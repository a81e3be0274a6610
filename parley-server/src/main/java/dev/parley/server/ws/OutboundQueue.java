package dev.parley.server.ws;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One connection's frames waiting to be written, bounded by count and by size (in characters).
 * Above three quarters of either bound, ephemeral frames (typing, presence) are shed; content
 * that does not fit is refused, and the connection is then closed as a slow consumer. A frame
 * always fits into an empty queue, so one large answer can go out; memory stays within the
 * bounds plus one frame. One writer takes frames in order, and only while there are frames: the
 * first frame queued while no writer runs starts one ({@code startWriter}), and the writer stops
 * when {@link #next} finds the queue empty, so an idle connection holds no thread. Thread-safe; no
 * lock is held while a frame is written to the socket.
 */
final class OutboundQueue {
    /** What a frame is, for shedding: content must arrive; ephemeral frames may be dropped under pressure. */
    enum Kind { CONTENT, EPHEMERAL }

    /** The outcome of an offer. */
    enum Offer { QUEUED, SHED, OVERFLOW, CLOSED }

    private final int maxFrames;
    private final long maxChars;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<String> frames = new ArrayDeque<>();
    private long chars;
    private final Runnable startWriter;
    private boolean closed;
    private boolean writing;
    private long shed;

    /** @param startWriter starts a writer that calls {@link #next} until it returns null; called under the lock, must not block */
    OutboundQueue(int maxFrames, long maxChars, Runnable startWriter) {
        if (maxFrames < 1 || maxChars < 1) throw new IllegalArgumentException("bounds must be positive");
        this.maxFrames = maxFrames;
        this.maxChars = maxChars;
        this.startWriter = startWriter;
    }

    /** Queues a frame without waiting. */
    Offer offer(String frame, Kind kind) {
        lock.lock();
        try {
            if (closed) return Offer.CLOSED;
            if (kind == Kind.EPHEMERAL && underPressure()) {
                shed++;
                return Offer.SHED;
            }
            if (!fits(frame)) return Offer.OVERFLOW;
            add(frame);
            return Offer.QUEUED;
        } finally {
            lock.unlock();
        }
    }

    /** Queues a content frame, waiting up to {@code timeout} for room; OVERFLOW if none came. */
    Offer offerWaiting(String frame, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (!closed && !fits(frame)) {
                if (nanos <= 0) return Offer.OVERFLOW;
                nanos = notFull.awaitNanos(nanos);
            }
            if (closed) return Offer.CLOSED;
            add(frame);
            return Offer.QUEUED;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next frame for the writer, or null: then the queue is empty or closed and the writer
     * must stop (a later frame starts a new one).
     */
    String next() {
        lock.lock();
        try {
            if (closed || frames.isEmpty()) {
                writing = false;
                return null;
            }
            String frame = frames.poll();
            chars -= frame.length();
            notFull.signalAll();
            return frame;
        } finally {
            lock.unlock();
        }
    }

    /** Drops every waiting frame and refuses new ones; wakes waiting producers (the writer stops at its next frame). */
    void close() {
        lock.lock();
        try {
            closed = true;
            frames.clear();
            chars = 0;
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return frames.size();
        } finally {
            lock.unlock();
        }
    }

    long chars() {
        lock.lock();
        try {
            return chars;
        } finally {
            lock.unlock();
        }
    }

    /** How many ephemeral frames were dropped so far. */
    long shedCount() {
        lock.lock();
        try {
            return shed;
        } finally {
            lock.unlock();
        }
    }

    private boolean underPressure() {
        return frames.size() * 4L > maxFrames * 3L || chars * 4 > maxChars * 3;
    }

    private boolean fits(String frame) {
        if (frames.isEmpty()) return true;
        return frames.size() < maxFrames && chars + frame.length() <= maxChars;
    }

    private void add(String frame) {
        frames.add(frame);
        chars += frame.length();
        if (!writing) {
            writing = true;
            startWriter.run();
        }
    }
}
