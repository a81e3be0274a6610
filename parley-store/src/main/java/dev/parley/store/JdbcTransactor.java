package dev.parley.store;

import dev.parley.core.port.Transactor;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

/**
 * Transactions on JDBI handles, bound to the calling thread with a {@link ScopedValue}. A nested
 * {@code write} or {@code read} joins the open transaction; a write inside a read transaction is a
 * programming error. Store methods run through {@link #writing} and {@link #reading}, which join
 * the caller's transaction or run alone, and which turn integrity violations into
 * {@code ParleyException}s.
 *
 * <p>Writes are committed in groups ({@link GroupCommit}): a writer thread (a lane) takes the
 * writes queued for it and runs them in one transaction, a savepoint each ({@link BatchSavepoints};
 * on PostgreSQL sent with the write's first statement, in its round trip), so a write that fails
 * is rolled back alone and the others commit; every caller returns after the commit. SQLite allows
 * one writer at a time: every write goes to its one lane, on a single connection that opens its
 * transactions with {@code BEGIN IMMEDIATE}, and reads run concurrently on a pool of other
 * connections (WAL). PostgreSQL has several lanes on a pool of their own; a write keyed by a
 * conversation ({@link #write(String, Supplier)}) always goes to the same lane, so one
 * conversation's writes run in call order and never wait for each other's row locks, while other
 * lanes commit other conversations' writes in parallel. A PostgreSQL write without a key runs on
 * the caller's thread in a transaction of its own (READ COMMITTED; row locks serialise it with the
 * lanes), and reads run on a REPEATABLE READ, READ ONLY snapshot, both on the main pool.
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
    private final Jdbi laneJdbi;
    private final List<GroupCommit> lanes;
    private final Sql sql;

    /**
     * @param writeJdbi where writes without a lane run (PostgreSQL); on SQLite the one write connection
     * @param laneJdbi  where the lanes commit their batches: SQLite's write connection, PostgreSQL's lane pool
     * @param laneCount writer threads: 1 on SQLite, where every write goes to it; on PostgreSQL
     *                  the keyed writes are spread over them
     */
    JdbcTransactor(Dialect dialect, Jdbi writeJdbi, Jdbi readJdbi, Jdbi laneJdbi, int laneCount, Sql sql) {
        if (dialect == Dialect.SQLITE && laneCount != 1) throw new IllegalArgumentException("SQLite has one writer");
        this.dialect = dialect;
        this.sql = sql;
        this.writeJdbi = writeJdbi;
        this.readJdbi = readJdbi;
        this.laneJdbi = laneJdbi;
        if (dialect == Dialect.POSTGRESQL) {
            laneJdbi.addCustomizer(new OwedFirst());
            readJdbi.addCustomizer(new OwedFirst());
            sql.takeOwedFrom(JdbcTransactor::takeOwed);
        }
        String name = "parley-" + dialect.name().toLowerCase(java.util.Locale.ROOT) + "-writer";
        this.lanes = java.util.stream.IntStream.range(0, laneCount)
                .mapToObj(i -> new GroupCommit(laneCount == 1 ? name : name + "-" + i, dialect.maxBatch(), this::runBatch))
                .toList();
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

    /** A row written when the transaction flushes its deferred rows: the statement and its parameters. */
    private record Deferred(String sql, Object[] args) {
    }

    /**
     * An open transaction: its handle, whether it writes, its thread, the rows it writes in
     * batches later, and what runs before it commits.
     */
    private final class Tx {
        final Handle handle;
        final boolean writes;
        final Thread owner;
        final List<Deferred> deferred = new ArrayList<>();
        final BatchSavepoints.OwedStatement owed = new BatchSavepoints.OwedStatement();
        LinkedHashMap<String, HandleWork<?>> beforeCommit = new LinkedHashMap<>();

        Tx(Handle handle, boolean writes, Thread owner) {
            this.handle = handle;
            this.writes = writes;
            this.owner = owner;
        }

        /** Writes the deferred rows: one batch per statement, in the order each statement was first deferred. */
        void flushDeferred() {
            if (deferred.isEmpty()) return;
            LinkedHashMap<String, List<Object[]>> byStatement = new LinkedHashMap<>();
            for (Deferred row : deferred) byStatement.computeIfAbsent(row.sql(), k -> new ArrayList<>()).add(row.args());
            deferred.clear();
            byStatement.forEach((statement, rows) -> sql.batch(handle, statement, rows));
        }

        /**
         * What runs just before the commit: the deferred rows are written, then the work asked for
         * before the commit. On PostgreSQL, with no such work and one row deferred per statement
         * (a lone send's event and marker move), the rows go out with the {@code COMMIT} in one
         * text and so in one round trip; the commit that follows then has nothing left to do.
         * Several rows of a statement are written as a batch, as one multi-row {@code INSERT} where
         * the driver rewrites it so, which costs PostgreSQL less than a statement per row.
         */
        void runBeforeCommit() {
            if (writes && dialect.commitsWithStatements() && beforeCommit.isEmpty() && !deferred.isEmpty()
                    && deferred.stream().map(Deferred::sql).distinct().count() == deferred.size()) {
                sql.updateThenCommit(handle, deferred.stream().map(Deferred::sql).toList(),
                        deferred.stream().map(Deferred::args).toList());
                deferred.clear();
                return;
            }
            flushDeferred();
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
        return write(null, work);
    }

    /** A write in the caller's transaction, else in its lane's next batch, else (PostgreSQL, no key) on its own. */
    @Override
    public <T> T write(String key, Supplier<T> work) {
        Tx current = current();
        if (current != null) {
            if (!current.writes) {
                throw new IllegalStateException("A write cannot run inside a read transaction; open a write instead");
            }
            return work.get();
        }
        for (GroupCommit lane : lanes) {
            if (lane.isWriter()) throw new IllegalStateException("A writer thread opened a write outside its batch");
        }
        if (lanes.size() == 1) return lanes.getFirst().submit(work);
        if (key == null) return inTransaction(writeJdbi, true, tx -> work.get());
        return lanes.get(Math.floorMod(key.hashCode(), lanes.size())).submit(work);
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
     * Writes a row (an INSERT of {@code sql} with {@code args}) in the caller's write transaction,
     * or in one of its own, not at once but just before the transaction commits, in one batch with
     * the other rows deferred for the same statement: a group-commit batch writes the rows of all
     * its writes with one statement. For rows nothing in the transaction reads back before the
     * commit, unless it calls {@link #flushDeferred} first. A savepoint rolled back forgets the
     * rows deferred inside it.
     */
    void defer(String statement, Object... args) {
        Tx current = current();
        if (current != null && current.writes) {
            current.deferred.add(new Deferred(statement, args));
            return;
        }
        writing(h -> sql.update(h, statement, args));
    }

    /** Writes the rows the caller's write transaction deferred, if any, so it can read them. */
    void flushDeferred() {
        Tx current = current();
        if (current != null && current.writes) current.flushDeferred();
    }

    /**
     * Writes the rows the caller's write transaction deferred for {@code statement} whose
     * parameters match {@code which}, in one batch, and keeps the others deferred.
     */
    void flushDeferred(String statement, Predicate<Object[]> which) {
        Tx current = current();
        if (current == null || !current.writes || current.deferred.isEmpty()) return;
        List<Object[]> rows = new ArrayList<>();
        current.deferred.removeIf(row -> {
            boolean now = row.sql().equals(statement) && which.test(row.args());
            if (now) rows.add(row.args());
            return now;
        });
        sql.batch(current.handle, statement, rows);
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

    /**
     * Runs {@code work} in a transaction of its own, then the before-commit work it asked for, then
     * commits (on PostgreSQL often already done, with the last rows a write deferred).
     */
    private <T> T inTransaction(Jdbi jdbi, boolean writes, Function<Tx, T> work) {
        try (Handle handle = open(jdbi)) {
            handle.begin();
            T result;
            try {
                Tx tx = new Tx(handle, writes, Thread.currentThread());
                String snapshot = writes ? null : dialect.readSnapshotStatement();
                if (snapshot != null) tx.owed.owe(snapshot); // sent with the first query, in its round trip
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
        } catch (JdbiException | Sql.Failure e) {
            throw SqlErrors.translate(dialect, e);
        }
    }

    /**
     * One group-commit batch on the writer thread: every work in a savepoint of one transaction
     * (a batch of one needs none; {@link BatchSavepoints}), a failed work rolled back to its
     * savepoint, then the before-commit work and the commit. Every work learns its outcome after
     * the commit, a failed one too: a caller that retries after a conflict must find what the
     * batch committed. If the transaction itself fails, every work of the batch fails with that.
     */
    private void runBatch(List<GroupCommit.Pending<?>> batch) {
        List<Object> outcomes = inTransaction(laneJdbi, true, tx -> {
            List<Object> each = new ArrayList<>(batch.size());
            if (batch.size() == 1) {
                each.add(batch.getFirst().run());
                return each;
            }
            BatchSavepoints savepoints = BatchSavepoints.of(dialect, tx.handle, tx.owed);
            for (GroupCommit.Pending<?> pending : batch) each.add(inSavepoint(tx, pending, savepoints));
            savepoints.finish();
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

    /**
     * Runs one work of a batch in a savepoint; on its failure rolls it back, with the rows it
     * deferred and the before-commit work it asked for, and returns the failure. Rows deferred
     * before the work and written during it are deferred again: the rollback undid their writing.
     */
    private static Object inSavepoint(Tx tx, GroupCommit.Pending<?> pending, BatchSavepoints savepoints) {
        LinkedHashMap<String, HandleWork<?>> beforeCommit = new LinkedHashMap<>(tx.beforeCommit);
        List<Deferred> deferred = List.copyOf(tx.deferred);
        savepoints.beforeWork();
        try {
            Object result = pending.run();
            savepoints.succeeded();
            return result;
        } catch (RuntimeException | Error failure) {
            savepoints.failed();
            tx.beforeCommit = beforeCommit;
            tx.deferred.clear();
            tx.deferred.addAll(deferred);
            return new Failed(failure);
        }
    }

    /**
     * Takes the statement the calling thread's transaction owes before its next statement on
     * {@code connection} (a batch's next savepoint on PostgreSQL); null if none.
     */
    private static String takeOwed(java.sql.Connection connection) {
        if (!CURRENT.isBound()) return null;
        Tx tx = CURRENT.get();
        if (tx.owner != Thread.currentThread() || !tx.owed.isOwed() || tx.handle.getConnection() != connection) return null;
        return tx.owed.take();
    }

    /** Sends what a JDBI statement's transaction owes before it, on its own (Sql sends it with its statement). */
    private static final class OwedFirst implements StatementCustomizer {
        @Override
        public void beforeExecution(PreparedStatement statement, StatementContext context) throws SQLException {
            String owed = takeOwed(context.getConnection());
            if (owed != null) Sql.execute(context.getConnection(), owed);
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

    /** Writes waiting for a writer thread; for tests. */
    int queuedWrites() {
        return lanes.stream().mapToInt(GroupCommit::queued).sum();
    }

    /** Stops the writer threads after the queued writes; further writes fail. */
    @Override
    public void close() {
        lanes.forEach(GroupCommit::close);
    }
}
