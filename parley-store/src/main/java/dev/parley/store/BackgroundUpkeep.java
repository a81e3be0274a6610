package dev.parley.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upkeep that a database would otherwise do inside some write's commit, run in the background
 * instead: a platform thread of its own runs {@code step} on a connection of its own every
 * interval, and {@code last} once when it is closed. Writes wait for their commit; they should not
 * wait for the database to tidy up after everyone.
 *
 * <ul>
 *   <li>SQLite ({@link #sqliteCheckpoints}): an automatic checkpoint runs inside the commit that
 *       crosses its threshold, so the writer thread, which every write waits for, would stop to copy
 *       pages and to fsync the file. A PASSIVE checkpoint every interval never waits for the writer
 *       or for readers (what it cannot copy yet is copied the next time). What is left for the
 *       writer's own, rarer automatic checkpoint (which lets the log start again from its
 *       beginning: see {@code JdbcStores}) is then the little written since. The last step is a
 *       TRUNCATE checkpoint.</li>
 *   <li>PostgreSQL ({@link #postgresPendingLists}): a GIN index takes new entries into a pending
 *       list, and the insert that finds the list over {@code gin_pending_list_limit} merges the
 *       whole list into the index itself, inside its statement: measured, one message insert of a
 *       writer lane ran for over 170 ms on CPU while the lane's batch waited. The search indexes
 *       have a limit far above what accumulates between two steps, and every step merges the
 *       lists with {@code gin_clean_pending_list}, off every write's path. Searches read the pending
 *       list entry by entry, so it is kept short too.</li>
 * </ul>
 *
 * A failed step is logged and tried again the next interval on a new connection; one the database
 * refuses for good (no privilege, say) stops the upkeep with a warning. Thread-safe.
 */
final class BackgroundUpkeep implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundUpkeep.class);

    /** Work on the upkeep's connection. */
    @FunctionalInterface
    interface Step {
        void run(Connection connection) throws SQLException;
    }

    private final String what;
    private final Supplier<Connection> connect;
    private final long intervalNanos;
    private final Step step;
    private final Step last;
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param what    what the step does, for the thread's name and the log
     * @param connect opens the connection the steps run on (once; again after a failure)
     */
    private BackgroundUpkeep(String what, Supplier<Connection> connect, Duration interval, Step step, Step last) {
        this.what = what;
        this.connect = connect;
        this.intervalNanos = interval.toNanos();
        this.step = step;
        this.last = last;
        this.thread = Thread.ofPlatform().name("parley-" + what.replace(' ', '-')).daemon().start(this::loop);
    }

    /** SQLite: PASSIVE checkpoints every interval, a TRUNCATE checkpoint at the end. */
    static BackgroundUpkeep sqliteCheckpoints(Supplier<Connection> connect, Duration interval) {
        return new BackgroundUpkeep("sqlite checkpoint", connect, interval,
                c -> checkpoint(c, "PASSIVE"), c -> checkpoint(c, "TRUNCATE"));
    }

    /** PostgreSQL: merges the pending lists of the GIN indexes named every interval. */
    static BackgroundUpkeep postgresPendingLists(Supplier<Connection> connect, Duration interval, List<String> ginIndexes) {
        // Indexes not created yet (before the migrations) are skipped: to_regclass gives NULL.
        StringBuilder sql = new StringBuilder("SELECT gin_clean_pending_list(i) FROM (VALUES ");
        for (int i = 0; i < ginIndexes.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(to_regclass('").append(ginIndexes.get(i)).append("'))");
        }
        String clean = sql.append(") AS v (i) WHERE i IS NOT NULL").toString();
        return new BackgroundUpkeep("gin pending lists", connect, interval, c -> Sql.execute(c, clean), c -> { });
    }

    private void loop() {
        Connection connection = null;
        while (!closed) {
            LockSupport.parkNanos(this, intervalNanos);
            if (closed) break;
            try {
                if (connection == null) connection = connect.get();
                step.run(connection);
            } catch (RuntimeException | SQLException e) {
                if (e instanceof SQLException refused && isPermanent(refused)) {
                    LOG.warn("Background upkeep ({}) cannot run here and stops; the database does it inside writes", what, e);
                    break;
                }
                LOG.warn("Background upkeep ({}) failed; trying again", what, e);
                closeQuietly(connection);
                connection = null;
            }
        }
        try {
            if (connection == null) connection = connect.get();
            last.run(connection);
        } catch (RuntimeException | SQLException e) {
            LOG.debug("The last background upkeep ({}) failed; the database finishes it later", what, e);
        } finally {
            closeQuietly(connection);
        }
    }

    /** A missing privilege or object (SQL state class 42) does not go away by trying again. */
    private static boolean isPermanent(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("42");
    }

    /** Runs one SQLite checkpoint of {@code mode}. */
    private static void checkpoint(Connection connection, String mode) throws SQLException {
        Sql.execute(connection, "PRAGMA wal_checkpoint(" + mode + ")");
    }

    private void closeQuietly(Connection connection) {
        if (connection == null) return;
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing the connection of the background upkeep ({}) failed", what, e);
        }
    }

    /** False once the upkeep stopped: closed, or refused by the database for good. */
    boolean isRunning() {
        return thread.isAlive();
    }

    /** Stops after the last step; call it before the pools close. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
