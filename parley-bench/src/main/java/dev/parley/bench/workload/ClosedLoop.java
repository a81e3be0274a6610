package dev.parley.bench.workload;

import dev.parley.bench.harness.LatencyHistogram;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs {@code concurrency} clients, each calling its request again as soon as the last one
 * answered, for warm-up plus duration; calls that start inside the measured window are counted and
 * their latencies recorded per kind (e.g. "newest", "middle", "oldest").
 */
final class ClosedLoop {
    /** One call: does request number {@code k} of client {@code client}; returns its kind, or throws/returns a failure. */
    interface Call {
        Outcome call(int client, long k) throws Exception;
    }

    /** The kind of request made and null, or a description of what was wrong with the answer. */
    record Outcome(String kind, String failure) {
        static Outcome ok(String kind) {
            return new Outcome(kind, null);
        }
    }

    /** Per kind: latencies; overall: calls, failures and the first failure. */
    static final class Totals {
        final java.util.Map<String, LatencyHistogram> latencies = new java.util.concurrent.ConcurrentHashMap<>();
        final LatencyHistogram all = new LatencyHistogram();
        final LongAdder calls = new LongAdder();
        final LongAdder failures = new LongAdder();
        final AtomicReference<String> firstFailure = new AtomicReference<>();
        double seconds;

        LatencyHistogram of(String kind) {
            return latencies.computeIfAbsent(kind, k -> new LatencyHistogram());
        }
    }

    private ClosedLoop() {
    }

    static Totals run(int concurrency, Duration warmup, Duration duration, Call call) {
        Totals totals = new Totals();
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        List<Thread> threads = new ArrayList<>(concurrency);
        for (int c = 0; c < concurrency; c++) {
            int client = c;
            threads.add(Thread.ofVirtual().name("client-" + c).start(() -> {
                for (long k = 0; ; k++) {
                    long began = System.nanoTime();
                    if (began >= end) return;
                    boolean measured = began >= measureFrom;
                    Outcome outcome;
                    try {
                        outcome = call.call(client, k);
                    } catch (Exception e) {
                        outcome = new Outcome("error", e.toString());
                    }
                    long took = System.nanoTime() - began;
                    if (outcome.failure() != null) {
                        totals.failures.increment();
                        totals.firstFailure.compareAndSet(null, outcome.failure());
                        continue;
                    }
                    if (measured) {
                        totals.calls.increment();
                        totals.all.recordNanos(took);
                        totals.of(outcome.kind()).recordNanos(took);
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        totals.seconds = duration.toNanos() / 1e9;
        return totals;
    }
}
