package dev.parley.bench.workload;

import dev.parley.bench.harness.ProcStats;
import dev.parley.bench.harness.RunResult;
import dev.parley.bench.harness.TargetServer;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** Timing and reporting shared by the socket workloads (fan-out and burst). */
final class SocketRun {
    private SocketRun() {
    }

    /** Parks until {@code deadlineNanos} (System.nanoTime based). */
    static void sleepUntil(long deadlineNanos) {
        long left;
        while ((left = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Waits (polling) until every send is complete or {@code timeout} passed. */
    static void drain(DeliveryTracker tracker, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!tracker.idle() && System.nanoTime() < deadline) sleepUntil(System.nanoTime() + 5_000_000);
    }

    /** Starts CPU readings when the warm-up is over (for the closed-loop REST workloads). */
    static Thread meterAfterWarmup(TargetServer target, dev.parley.bench.harness.BenchSettings settings, Cpu[] holder) {
        return Thread.ofVirtual().start(() -> {
            sleepUntil(System.nanoTime() + settings.warmup().toNanos());
            holder[0] = new Cpu(target);
        });
    }

    /** Waits for {@link #meterAfterWarmup}'s thread and reports its readings. */
    static void joinMeter(Thread meter, Cpu[] holder, RunResult result) {
        try {
            meter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (holder[0] != null) holder[0].report(result);
    }

    /** CPU readings over the measured window: the server, this generator and the database server. */
    static final class Cpu {
        private final TargetServer target;
        private final ProcStats.CpuMeter meter;
        private final double databaseStart;
        private final long startNanos;

        Cpu(TargetServer target) {
            this.target = target;
            this.meter = new ProcStats.CpuMeter(target.pid(), ProcessHandle.current().pid());
            this.databaseStart = target.databaseCpuSeconds();
            this.startNanos = System.nanoTime();
        }

        void report(RunResult result) {
            result.metric("serverCpuPct", meter.percent(0));
            result.metric("generatorCpuPct", meter.percent(1));
            double database = target.databaseCpuSeconds();
            if (database >= 0 && databaseStart >= 0) {
                result.metric("databaseCpuPct", 100.0 * (database - databaseStart) / ((System.nanoTime() - startNanos) / 1e9));
            }
        }
    }

    /** Rates, latencies and correctness counts of a finished socket run. */
    static void report(RunResult result, DeliveryTracker tracker, DeliveryTracker.Leftover leftover, double seconds) {
        result.metric("offeredPerSec", tracker.sentMeasured() / seconds);
        result.metric("ackedPerSec", tracker.ackedMeasured() / seconds);
        result.metric("deliveredPerSec", tracker.deliveredMeasured() / seconds);
        result.latency("e2e", tracker.endToEnd());
        result.metric("ackP50Ms", tracker.ack().percentileMillis(50));
        result.metric("ackP99Ms", tracker.ack().percentileMillis(99));
        result.metric("messagesSent", tracker.sent());
        result.metric("lostDeliveries", leftover.lostDeliveries());
        result.metric("unackedMessages", leftover.unackedMessages());
        result.metric("duplicateDeliveries", tracker.duplicates());
        result.metric("failedSends", tracker.failures());
        result.metric("unexpectedCloses", tracker.unexpectedCloses());
        if (tracker.sent() == 0) result.problem("nothing was sent");
        if (leftover.lostDeliveries() > 0) result.problem(leftover.lostDeliveries() + " deliveries lost");
        if (leftover.unackedMessages() > 0) result.problem(leftover.unackedMessages() + " sends never acknowledged");
        if (tracker.duplicates() > 0) result.problem(tracker.duplicates() + " duplicate deliveries");
        if (tracker.failures() > 0) result.problem(tracker.failures() + " sends failed; first: " + tracker.firstProblem());
        if (tracker.unexpectedCloses() > 0) {
            result.problem(tracker.unexpectedCloses() + " connections closed unexpectedly; first: " + tracker.firstProblem());
        }
    }
}
