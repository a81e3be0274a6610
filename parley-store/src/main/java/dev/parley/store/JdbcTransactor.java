package dev.parley.store;

import dev.parley.core.port.Transactor;
import java.util.concurrent.locks.Lock;
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
 * transactions with {@code BEGIN IMMEDIATE}, and a fair lock queues the writers of this process,
 * while reads run concurrently on a pool of other connections (WAL). PostgreSQL runs every
 * transaction on one pool: writes at READ COMMITTED (row locks serialise writers of one
 * conversation), reads on a REPEATABLE READ, READ ONLY snapshot.
 */
final class JdbcTransactor implements Transactor {
    private static final ScopedValue<Tx> CURRENT = ScopedValue.newInstance();

    private final Dialect dialect;
    private final Jdbi writeJdbi;
    private final Jdbi readJdbi;
    private final Lock writeLock;

    /**
     * @param writeLock held for the whole of every write transaction (SQLite), or null when the
     *                  database serialises conflicting writers itself (PostgreSQL)
     */
    JdbcTransactor(Dialect dialect, Jdbi writeJdbi, Jdbi readJdbi, Lock writeLock) {
        this.dialect = dialect;
        this.writeJdbi = writeJdbi;
        this.readJdbi = readJdbi;
        this.writeLock = writeLock;
    }

    /** Work on a handle. */
    @FunctionalInterface
    interface HandleWork<T> {
        T apply(Handle handle);
    }

    private record Tx(Handle handle, boolean writes, Thread owner) {
    }

    /**
     * The calling thread's open transaction, or null. A thread forked inside a transaction (which
     * inherits scoped values) must not share its handle, which is not thread-safe.
     */
    private static Tx current() {
        if (!CURRENT.isBound()) return null;
        Tx tx = CURRENT.get();
        if (tx.owner() != Thread.currentThread()) {
            throw new IllegalStateException("A transaction belongs to the thread that opened it; a forked thread cannot use it");
        }
        return tx;
    }

    @Override
    public <T> T write(Supplier<T> work) {
        Tx current = current();
        if (current != null) {
            if (!current.writes()) {
                throw new IllegalStateException("A write cannot run inside a read transaction; open a write instead");
            }
            return work.get();
        }
        if (writeLock == null) return inTransaction(writeJdbi, true, work);
        writeLock.lock();
        try {
            return inTransaction(writeJdbi, true, work);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public <T> T read(Supplier<T> work) {
        if (current() != null) return work.get();
        return inTransaction(readJdbi, false, work);
    }

    /** Runs a store method that changes data: in the caller's write transaction, else in one of its own. */
    <T> T writing(HandleWork<T> work) {
        try {
            Tx current = current();
            if (current != null && current.writes()) return work.apply(current.handle());
            return write(() -> work.apply(CURRENT.get().handle()));
        } catch (JdbiException e) {
            throw SqlErrors.translate(dialect, e);
        }
    }

    /** Runs a store method that only reads: in the caller's transaction, else on a pooled connection in auto-commit. */
    <T> T reading(HandleWork<T> work) {
        try {
            Tx current = current();
            if (current != null) return work.apply(current.handle());
            try (Handle handle = readJdbi.open()) {
                return work.apply(handle);
            }
        } catch (JdbiException e) {
            throw SqlErrors.translate(dialect, e);
        }
    }

    private <T> T inTransaction(Jdbi jdbi, boolean writes, Supplier<T> work) {
        try (Handle handle = open(jdbi)) {
            handle.begin();
            T result;
            try {
                String snapshot = writes ? null : dialect.readSnapshotStatement();
                if (snapshot != null) handle.execute(snapshot);
                result = ScopedValue.where(CURRENT, new Tx(handle, writes, Thread.currentThread())).call(work::get);
                handle.commit();
            } catch (Throwable failure) {
                rollback(handle, failure);
                throw failure;
            }
            return result;
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
}
