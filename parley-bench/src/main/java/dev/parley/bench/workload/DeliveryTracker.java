package dev.parley.bench.workload;

import dev.parley.bench.harness.LatencyHistogram;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Follows every message a socket workload sends until it is acknowledged and delivered to every
 * other member: records the acknowledgement latency and the end-to-end latency (send until the
 * last other member has it), and counts failures, duplicate deliveries and, at the end, lost
 * deliveries and unacknowledged sends. Only messages sent inside the measured window count towards
 * rates and latencies; losses, duplicates and failures count always. Thread-safe.
 */
public final class DeliveryTracker {
    private static final class Sent {
        final long sentNanos;
        final int expected;
        final boolean measured;
        final AtomicInteger delivered = new AtomicInteger();
        volatile boolean acked;

        Sent(long sentNanos, int expected, boolean measured) {
            this.sentNanos = sentNanos;
            this.expected = expected;
            this.measured = measured;
        }

        boolean complete() {
            return acked && delivered.get() >= expected;
        }
    }

    /** What remained undone when the run ended. */
    public record Leftover(long lostDeliveries, long unackedMessages) {
    }

    private final Map<String, Sent> inFlight = new ConcurrentHashMap<>();
    private final LongAdder sent = new LongAdder();
    private final LongAdder sentMeasured = new LongAdder();
    private final LongAdder ackedMeasured = new LongAdder();
    private final LongAdder deliveredMeasured = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder closes = new LongAdder();
    private final LatencyHistogram endToEnd = new LatencyHistogram();
    private final LatencyHistogram ack = new LatencyHistogram();
    private volatile String firstProblem;
    /** Set by {@link #finish}: what arrives later was counted as lost already, not as a duplicate. */
    private volatile boolean finished;
    private volatile Runnable onReply = () -> {
    };

    /** Called for every reply (ok or error) to a send, e.g. to release a window permit. */
    public void onReply(Runnable action) {
        this.onReply = action;
    }

    /** Registers a send before its frame goes out; {@code expected} is the number of other members. */
    public void sending(String id, long sentNanos, int expected, boolean measured) {
        inFlight.put(id, new Sent(sentNanos, expected, measured));
        sent.increment();
        if (measured) sentMeasured.increment();
    }

    public void acked(String id, long nowNanos) {
        Sent s = inFlight.get(id);
        if (s != null && !s.acked) {
            s.acked = true;
            if (s.measured) {
                ackedMeasured.increment();
                ack.recordNanos(nowNanos - s.sentNanos);
            }
            if (s.complete()) inFlight.remove(id, s);
        }
        onReply.run();
    }

    public void failed(String id, String frame) {
        failures.increment();
        if (firstProblem == null) firstProblem = "send " + id + " failed: " + frame;
        inFlight.remove(id);
        onReply.run();
    }

    public void delivered(String id, long nowNanos) {
        if (finished) return;
        Sent s = inFlight.get(id);
        if (s == null) {
            // Every delivery of a message that is complete already is one too many.
            duplicates.increment();
            return;
        }
        int count = s.delivered.incrementAndGet();
        if (count > s.expected) {
            duplicates.increment();
            return;
        }
        if (s.measured) deliveredMeasured.increment();
        if (count == s.expected) {
            if (s.measured) endToEnd.recordNanos(nowNanos - s.sentNanos);
            if (s.complete()) inFlight.remove(id, s);
        }
    }

    /** A connection saw a conversation seq it had seen already. */
    public void duplicate() {
        duplicates.increment();
    }

    /** A connection closed while the workload still needed it. */
    public void unexpectedClose(String description) {
        closes.increment();
        if (firstProblem == null) firstProblem = description;
    }

    /** True when every send so far is acknowledged and fully delivered (or failed). */
    public boolean idle() {
        return inFlight.isEmpty();
    }

    /** Ends a run: what was never acknowledged or delivered is counted and forgotten. */
    public Leftover finish() {
        finished = true;
        long lost = 0;
        long unacked = 0;
        for (Sent s : inFlight.values()) {
            lost += Math.max(0, s.expected - s.delivered.get());
            if (!s.acked) unacked++;
        }
        inFlight.clear();
        return new Leftover(lost, unacked);
    }

    /** Clears the counters and histograms for the next run (nothing may be in flight). */
    public void reset() {
        finished = false;
        inFlight.clear();
        for (LongAdder a : new LongAdder[]{sent, sentMeasured, ackedMeasured, deliveredMeasured, failures, duplicates, closes}) {
            a.reset();
        }
        endToEnd.reset();
        ack.reset();
        firstProblem = null;
    }

    public long sentMeasured() {
        return sentMeasured.sum();
    }

    public long sent() {
        return sent.sum();
    }

    public long ackedMeasured() {
        return ackedMeasured.sum();
    }

    public long deliveredMeasured() {
        return deliveredMeasured.sum();
    }

    public long failures() {
        return failures.sum();
    }

    public long duplicates() {
        return duplicates.sum();
    }

    public long unexpectedCloses() {
        return closes.sum();
    }

    public LatencyHistogram endToEnd() {
        return endToEnd;
    }

    public LatencyHistogram ack() {
        return ack;
    }

    public String firstProblem() {
        return firstProblem;
    }
}
