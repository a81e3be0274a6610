package dev.parley.store;

import dev.parley.core.port.Transactor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Transactions on JDBI handles, bound to the calling thread with a {@link ScopedValue}. A nested
 * {@code write} or {@code read} joins the open transaction; a write inside a read transaction is a
 * programming error. Store methods run through {@link #writing} and {@link #reading}, which join
 * the caller's transaction or run alone, and which turn integrity violations into
 * {@code ParleyException}s.
 *
 * <p>SQLite allows one writer at a time: writes go to a single connection that opens its
 * transactions with {@code BEGIN IMMEDIATE}, driven by one writer thread that commits the writes
 * queued meanwhile together ({@link GroupCommit}): one transaction, a savepoint per write, so a
 * write that fails is rolled back alone and the others commit. Reads run concurrently on a pool of
 * other connections (WAL). PostgreSQL runs every transaction on one pool, on the caller's thread:
 * writes at READ COMMITTED (row locks serialise writers of one conversation), reads on a
 * REPEATABLE READ, READ ONLY snapshot.
 *
 * <p>A write transaction can hold work to do just before it commits ({@link #beforeCommit}), once
 * per key however many writes asked for it: how the SQLite full-text index takes a batch's new
 * messages in one statement. A savepoint rolled back forgets what was asked inside it.
 */
final class JdbcTransactor implements Transactor, AutoCloseable {
    private static final ScopedValue<Tx> CURRENT = ScopedValue.newInstance();

    private final Dialect dialect;
    private final Jdbi writeJdbi;
    private final Jdbi readJdbi;
    private final GroupCommit groupCommit;
    private final Sql sql;

    /**
     * @param singleWriter true when the database allows one writer (SQLite): writes then go through
     *                     group commit on one thread; false when the database serialises
     *                     conflicting writers itself (PostgreSQL)
     */
    JdbcTransactor(Dialect dialect, Jdbi writeJdbi, Jdbi readJdbi, Sql sql, boolean singleWriter) {
        this.dialect = dialect;
        this.sql = sql;
        this.writeJdbi = writeJdbi;
        this.readJdbi = readJdbi;
        this.groupCommit = singleWriter ? new GroupCommit("parley-" + dialect.name().toLowerCase(java.util.Locale.ROOT)
                + "-writer", this::runBatch) : null;
    }

    /** Plain JDBC for the statements of the hot paths, on the handles this transactor gives out. */
    Sql sql() {
        return sql;
    }

    /** Work on a handle. */
    @FunctionalInterface
    interface HandleWork<T> {
        T apply(Handle handle);
    }

    /** An open transaction: its handle, whether it writes, its thread, and what runs before it commits. */
    private static final class Tx {
        final Handle handle;
        final boolean writes;
        final Thread owner;
        LinkedHashMap<String, HandleWork<?>> beforeCommit = new LinkedHashMap<>();

        Tx(Handle handle, boolean writes, Thread owner) {
            this.handle = handle;
            this.writes = writes;
            this.owner = owner;
        }

        void runBeforeCommit() {
            while (!beforeCommit.isEmpty()) {
                String key = beforeCommit.keySet().iterator().next();
                beforeCommit.remove(key).apply(handle);
            }
        }
    }

    /**
     * The calling thread's open transaction, or null. A thread forked inside a transaction (which
     * inherits scoped values) must not share its handle, which is not thread-safe.
     */
    private static Tx current() {
        if (!CURRENT.isBound()) return null;
        Tx tx = CURRENT.get();
        if (tx.owner != Thread.currentThread()) {
            throw new IllegalStateException("A transaction belongs to the thread that opened it; a forked thread cannot use it");
        }
        return tx;
    }

    @Override
    public <T> T write(Supplier<T> work) {
        Tx current = current();
        if (current != null) {
            if (!current.writes) {
                throw new IllegalStateException("A write cannot run inside a read transaction; open a write instead");
            }
            return work.get();
        }
        if (groupCommit == null) return inTransaction(writeJdbi, true, tx -> work.get());
        if (groupCommit.isWriter()) throw new IllegalStateException("The writer thread opened a write outside its batch");
        return groupCommit.submit(work);
    }

    @Override
    public <T> T read(Supplier<T> work) {
        if (current() != null) return work.get();
        return inTransaction(readJdbi, false, tx -> work.get());
    }

    /** Runs a store method that changes data: in the caller's write transaction, else in one of its own. */
    <T> T writing(HandleWork<T> work) {
        try {
            Tx current = current();
            if (current != null && current.writes) return work.apply(current.handle);
            return write(() -> work.apply(CURRENT.get().handle));
        } catch (JdbiException | Sql.Failure e) {
            throw SqlErrors.translate(dialect, e);
        }
    }

    /** Runs a store method that only reads: in the caller's transaction, else on a pooled connection in auto-commit. */
    <T> T reading(HandleWork<T> work) {
        try {
            Tx current = current();
            if (current != null) return work.apply(current.handle);
            try (Handle handle = readJdbi.open()) {
                return work.apply(handle);
            }
        } catch (JdbiException | Sql.Failure e) {
            throw SqlErrors.translate(dialect, e);
        }
    }

    /**
     * Asks the caller's write transaction to run {@code action} just before it commits, once for
     * {@code key}: a second request with the same key, before that, is dropped.
     */
    void beforeCommit(String key, HandleWork<?> action) {
        Tx current = current();
        if (current == null || !current.writes) throw new IllegalStateException("beforeCommit needs a write transaction");
        current.beforeCommit.putIfAbsent(key, action);
    }

    /** Runs {@code work} in a transaction of its own, then the before-commit work it asked for, then commits. */
    private <T> T inTransaction(Jdbi jdbi, boolean writes, Function<Tx, T> work) {
        try (Handle handle = open(jdbi)) {
            handle.begin();
            T result;
            try {
                String snapshot = writes ? null : dialect.readSnapshotStatement();
                if (snapshot != null) handle.execute(snapshot);
                Tx tx = new Tx(handle, writes, Thread.currentThread());
                result = ScopedValue.where(CURRENT, tx).call(() -> {
                    T value = work.apply(tx);
                    tx.runBeforeCommit();
                    return value;
                });
                handle.commit();
            } catch (Throwable failure) {
                rollback(handle, failure);
                throw failure;
            }
            return result;
        } catch (JdbiException e) {
            throw SqlErrors.translate(dialect, e);
        }
    }

    /**
     * One group-commit batch on the writer thread: every work in a savepoint of one transaction
     * (a batch of one needs none), a failed work rolled back to its savepoint, then the
     * before-commit work and the commit. Every work learns its outcome after the commit, a failed
     * one too: a caller that retries after a conflict must find what the batch committed. If the
     * transaction itself fails, every work of the batch fails with that.
     */
    private void runBatch(List<GroupCommit.Pending<?>> batch) {
        List<Object> outcomes = inTransaction(writeJdbi, true, tx -> {
            List<Object> each = new ArrayList<>(batch.size());
            if (batch.size() == 1) {
                each.add(batch.getFirst().run());
            } else {
                for (GroupCommit.Pending<?> pending : batch) each.add(inSavepoint(tx, pending));
            }
            return each;
        });
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes.get(i) instanceof Failed failed) batch.get(i).fail(failed.cause());
            else batch.get(i).succeed(outcomes.get(i));
        }
    }

    /** A work of a batch that threw. */
    private record Failed(Throwable cause) {
    }

    /** Runs one work of a batch in a savepoint; on its failure rolls back to it and returns the failure. */
    private static Object inSavepoint(Tx tx, GroupCommit.Pending<?> pending) {
        Handle handle = tx.handle;
        handle.execute("SAVEPOINT batch_item");
        LinkedHashMap<String, HandleWork<?>> beforeCommit = new LinkedHashMap<>(tx.beforeCommit);
        try {
            Object result = pending.run();
            handle.execute("RELEASE batch_item");
            return result;
        } catch (RuntimeException | Error failure) {
            handle.execute("ROLLBACK TO batch_item");
            handle.execute("RELEASE batch_item");
            tx.beforeCommit = beforeCommit;
            return new Failed(failure);
        }
    }

    private Handle open(Jdbi jdbi) {
        try {
            return jdbi.open();
        } catch (ConnectionException e) {
            throw SqlErrors.translate(dialect, e);
        }
    }

    private static void rollback(Handle handle, Throwable failure) {
        try {
            if (handle.isInTransaction()) handle.rollback();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** Writes waiting for the writer thread; for tests. */
    int queuedWrites() {
        return groupCommit == null ? 0 : groupCommit.queued();
    }

    /** Stops the writer thread after the queued writes; further writes fail. */
    @Override
    public void close() {
        if (groupCommit != null) groupCommit.close();
    }
}
