package dev.parley.client.realtime;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The single thread of one client on which all its state changes, its handlers run and its futures
 * complete, so no state needs a lock and handlers see events in order. Tasks run in submission
 * order; timers run on the same thread. A task that throws is logged and does not stop the loop.
 */
final class EventLoop implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EventLoop.class.getName());

    private final ScheduledExecutorService executor;
    private final AtomicReference<Thread> thread = new AtomicReference<>();

    EventLoop(String name) {
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            thread.set(t);
            return t;
        });
    }

    /** True when called on this loop's thread. */
    boolean inLoop() {
        return Thread.currentThread() == thread.get();
    }

    /** Runs {@code task} on the loop (later, even when called on it); false (and dropped) after {@link #close()}. */
    boolean execute(Runnable task) {
        try {
            executor.execute(guarded(task));
            return true;
        } catch (RejectedExecutionException closed) {
            return false;
        }
    }

    /** Runs {@code task} on the loop after {@code delay}; the handle cancels it (null after {@link #close()}). */
    ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        try {
            return executor.schedule(guarded(task), nanos(delay), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            return null;
        }
    }

    /** The delay in nanoseconds, at least 0; a delay beyond what a long holds (292 years) saturates. */
    private static long nanos(Duration delay) {
        if (delay.isNegative()) return 0;
        try {
            return delay.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "A task of the realtime client failed", e);
            }
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
