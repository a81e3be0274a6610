package dev.parley.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Group commit for a database with a single writer (SQLite): callers hand their write work to one
 * writer thread and wait; the thread takes whatever work is queued (up to {@link #MAX_BATCH}) and
 * runs it as one batch, which {@code JdbcTransactor} commits as one transaction with a savepoint
 * per work. Under load many sends share a commit; alone, a work is a batch of one.
 *
 * <p>A caller returns only after its batch committed (or with its work's own exception, or the
 * batch's failure): an acknowledged write is durable. Work runs in submission order. Thread-safe.
 * {@link #close} stops taking work, finishes what is queued, and stops the thread.
 */
final class GroupCommit implements AutoCloseable {
    static final int MAX_BATCH = 256;

    private final LinkedBlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Consumer<List<Pending<?>>> runBatch;
    private final Thread writer;
    private volatile boolean closed;

    /**
     * @param runBatch runs a batch in one transaction and completes every pending work of it;
     *                 what it leaves incomplete fails with what it threw
     */
    GroupCommit(String name, Consumer<List<Pending<?>>> runBatch) {
        this.runBatch = runBatch;
        this.writer = Thread.ofPlatform().name(name).daemon().start(this::loop);
    }

    /** Runs {@code work} in the next batch and returns its result once the batch committed. */
    <T> T submit(Supplier<T> work) {
        if (closed) throw new IllegalStateException("The database is closed");
        Pending<T> pending = new Pending<>(work);
        queue.add(pending);
        return pending.await();
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
        List<Pending<?>> batch = new ArrayList<>(MAX_BATCH);
        while (!closed || !queue.isEmpty()) {
            Pending<?> first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue;
            }
            if (first == null) continue;
            batch.add(first);
            queue.drainTo(batch, MAX_BATCH - 1);
            try {
                runBatch.accept(batch);
            } catch (Throwable failure) {
                for (Pending<?> pending : batch) pending.fail(failure);
            }
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
        for (Pending<?> left; (left = queue.poll()) != null; ) left.fail(new IllegalStateException("The database is closed"));
    }

    /** One caller's work, its outcome, and the caller waiting for it. */
    static final class Pending<T> {
        private final Supplier<T> work;
        private final CountDownLatch done = new CountDownLatch(1);
        private T result;
        private Throwable failure;

        private Pending(Supplier<T> work) {
            this.work = work;
        }

        /** Runs the work on the writer thread; the caller still waits for {@link #succeed} or {@link #fail}. */
        T run() {
            return work.get();
        }

        void succeed(Object value) {
            if (done.getCount() == 0) return;
            @SuppressWarnings("unchecked") T typed = (T) value;
            result = typed;
            done.countDown();
        }

        void fail(Throwable cause) {
            if (done.getCount() == 0) return;
            failure = cause;
            done.countDown();
        }

        /** Waits without giving up on an interrupt: the work may be committing; the interrupt is kept. */
        private T await() {
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
            if (failure == null) return result;
            if (failure instanceof RuntimeException e) throw e;
            if (failure instanceof Error e) throw e;
            throw new IllegalStateException(failure);
        }
    }
}
