package dev.parley.store;

import dev.parley.core.error.ParleyException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Group commit: callers hand their write work to one writer thread and wait; the thread takes
 * whatever work is queued (up to its batch limit) and runs it as one batch, which
 * {@code JdbcTransactor} commits as one transaction with a savepoint per work. Under load many
 * sends share a commit; alone, a work is a batch of one. SQLite has one such writer for every
 * write; PostgreSQL has a few, each for the writes of some conversations (a lane).
 *
 * <p>A caller returns only after its batch committed (or with its work's own exception, or the
 * batch's failure): an acknowledged write is durable. Work runs in submission order. The writer
 * records every outcome of a batch and then wakes its callers in a tree ({@link #release}).
 * Thread-safe.
 * {@link #close} stops taking work, finishes what is queued, and stops the thread.
 */
final class GroupCommit implements AutoCloseable {
    private final LinkedBlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final int maxBatch;
    private final Consumer<List<Pending<?>>> runBatch;
    private final Thread writer;
    private volatile boolean closed;

    /**
     * @param maxBatch the most works one batch takes
     * @param runBatch runs a batch in one transaction and completes every pending work of it;
     *                 what it leaves incomplete fails with what it threw
     */
    GroupCommit(String name, int maxBatch, Consumer<List<Pending<?>>> runBatch) {
        if (maxBatch < 1) throw new IllegalArgumentException("a batch takes at least one work");
        this.maxBatch = maxBatch;
        this.runBatch = runBatch;
        this.writer = Thread.ofPlatform().name(name).daemon().start(this::loop);
    }

    /** Runs {@code work} in the next batch and returns its result once the batch committed. */
    <T> T submit(Supplier<T> work) {
        if (closed) throw closedError();
        Pending<T> pending = new Pending<>(work);
        queue.add(pending);
        if (closed && queue.remove(pending)) {
            // Closed after the check above, and neither the writer nor close() took it.
            pending.fail(closedError());
            release(List.of(pending));
        }
        return pending.await();
    }

    /** What a write meets once the database is closed (at shutdown): 503, which clients retry elsewhere or later. */
    private static ParleyException closedError() {
        return ParleyException.unavailable("The database is shutting down; retry shortly");
    }

    /** Works waiting for the writer thread. */
    int queued() {
        return queue.size();
    }

    /** True on the writer thread, where work runs. */
    boolean isWriter() {
        return Thread.currentThread() == writer;
    }

    private void loop() {
        List<Pending<?>> batch = new ArrayList<>(maxBatch);
        while (!closed || !queue.isEmpty()) {
            Pending<?> first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue;
            }
            if (first == null) continue;
            batch.add(first);
            queue.drainTo(batch, maxBatch - 1);
            try {
                runBatch.accept(batch);
            } catch (Throwable failure) {
                for (Pending<?> pending : batch) pending.fail(failure);
            }
            release(batch);
            batch.clear();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pending<?>> left = new ArrayList<>();
        queue.drainTo(left);
        if (left.isEmpty()) return;
        for (Pending<?> pending : left) pending.fail(closedError());
        release(left);
    }

    /**
     * Tells the callers of a finished batch that their outcomes are in: the writer wakes only the
     * first, and every caller, once awake, wakes two more (a binary tree over the batch). Waking a
     * parked thread costs the waker a system call and often its core, so the writer, which every
     * write waits for, pays one wake-up per batch instead of one per write.
     */
    private static void release(List<Pending<?>> batch) {
        Pending<?>[] woken = batch.toArray(new Pending<?>[0]);
        for (int i = 0; i < woken.length; i++) {
            woken[i].batch = woken;
            woken[i].index = i;
            woken[i].done = true;
        }
        LockSupport.unpark(woken[0].waiter);
    }

    /** One caller's work, its outcome, and the caller waiting for it. */
    static final class Pending<T> {
        private final Supplier<T> work;
        private final Thread waiter = Thread.currentThread();
        private boolean decided;
        private T result;
        private Throwable failure;
        private Pending<?>[] batch;
        private int index;
        private volatile boolean done;

        private Pending(Supplier<T> work) {
            this.work = work;
        }

        /** Runs the work on the writer thread; the caller still waits for its batch to finish. */
        T run() {
            return work.get();
        }

        /** Records the work's result (on the writer thread); the first outcome recorded counts. */
        void succeed(Object value) {
            if (decided) return;
            decided = true;
            @SuppressWarnings("unchecked") T typed = (T) value;
            result = typed;
        }

        /** Records the work's failure (on the writer thread); the first outcome recorded counts. */
        void fail(Throwable cause) {
            if (decided) return;
            decided = true;
            failure = cause;
        }

        /** Waits without giving up on an interrupt: the work may be committing; the interrupt is kept. */
        private T await() {
            boolean interrupted = false;
            while (!done) {
                LockSupport.park(this);
                if (Thread.interrupted()) interrupted = true;
            }
            wakeNext(2 * index + 1);
            wakeNext(2 * index + 2);
            if (interrupted) Thread.currentThread().interrupt();
            if (failure == null) return result;
            if (failure instanceof RuntimeException e) throw e;
            if (failure instanceof Error e) throw e;
            throw new IllegalStateException(failure);
        }

        private void wakeNext(int next) {
            if (next < batch.length) LockSupport.unpark(batch[next].waiter);
        }
    }
}
