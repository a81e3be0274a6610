package dev.parley.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies SQLite's write-ahead log back into the database file in the background. An automatic
 * checkpoint runs inside the commit that crosses its threshold, so the writer thread, which every
 * write waits for, would stop to copy pages and to fsync the file. Here a platform thread of its
 * own runs a PASSIVE checkpoint on a connection of its own every interval; PASSIVE never waits for
 * the writer or for readers (what it cannot copy yet is copied the next time). What is left for
 * the writer's own, rarer automatic checkpoint (which lets the log start again from its
 * beginning: see {@code JdbcStores}) is then the little written since. {@link #close} stops the
 * thread after a last checkpoint. Thread-safe.
 */
final class SqliteCheckpointer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteCheckpointer.class);

    private final Supplier<Connection> connect;
    private final long intervalNanos;
    private final Thread thread;
    private volatile boolean closed;

    /** @param connect opens the connection the checkpoints run on (once; again after a failure) */
    SqliteCheckpointer(Supplier<Connection> connect, Duration interval) {
        this.connect = connect;
        this.intervalNanos = interval.toNanos();
        this.thread = Thread.ofPlatform().name("parley-sqlite-checkpoint").daemon().start(this::loop);
    }

    private void loop() {
        Connection connection = null;
        while (!closed) {
            java.util.concurrent.locks.LockSupport.parkNanos(this, intervalNanos);
            try {
                if (connection == null) connection = connect.get();
                checkpoint(connection, "PASSIVE");
            } catch (RuntimeException | SQLException e) {
                LOG.warn("A background checkpoint of the SQLite log failed; trying again", e);
                closeQuietly(connection);
                connection = null;
            }
        }
        try {
            if (connection == null) connection = connect.get();
            checkpoint(connection, "TRUNCATE");
        } catch (RuntimeException | SQLException e) {
            LOG.debug("The last checkpoint of the SQLite log failed; SQLite finishes it on the next start", e);
        } finally {
            closeQuietly(connection);
        }
    }

    /** Runs one checkpoint; returns the frames still in the log and not yet copied. */
    static long checkpoint(Connection connection, String mode) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            return rs.next() ? rs.getLong(2) - rs.getLong(3) : 0;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) return;
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing the checkpoint connection failed", e);
        }
    }

    /** Stops after a last checkpoint; call it before the write connection closes. */
    @Override
    public void close() {
        closed = true;
        java.util.concurrent.locks.LockSupport.unpark(thread);
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
