package dev.parley.store;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;
import org.sqlite.SQLiteConnection;

/**
 * Keeps SQLite's prepared statements per physical connection, so a statement is compiled once per
 * connection instead of on every call. Compiling is a large part of a small statement's cost in
 * SQLite, more so for an insert whose triggers keep the full-text indexes (the triggers are
 * compiled into the statement).
 *
 * <p>Statements are prepared on the driver's own connection, not the pool's proxy, so they outlive
 * the handle that first used them; the pool must therefore keep its connections (no idle timeout,
 * no maximum lifetime: see {@code JdbcStores}). A statement is taken out of the cache while a
 * handle uses it and put back when the handle closes it; a second use
 * of the same SQL while the first is open gets a statement of its own, closed after use. Each
 * connection keeps at most {@link #PER_CONNECTION} statements, the least recently used are closed.
 * A connection is used by one thread at a time (the pool guarantees it), so a connection's cache
 * needs no lock; the map of connections is concurrent.
 *
 * <p>A statement keeps its last parameters until the next use binds every parameter anew (JDBI
 * and {@link Sql} always bind all). Clearing them ({@code clearParameters}, SQLite's
 * {@code sqlite3_clear_bindings}) would expire every statement whose plan looked at a parameter's
 * value, and SQLite would compile it again at its next step: measured, that made a cached join
 * four times slower than keeping its bindings.
 */
final class SqliteStatementCache implements StatementBuilderFactory {
    static final int PER_CONNECTION = 64;

    private final Map<SQLiteConnection, Statements> connections = new ConcurrentHashMap<>();

    @Override
    public StatementBuilder createStatementBuilder(Connection connection) {
        return new Builder();
    }

    /**
     * A prepared statement for {@code sql} on {@code connection}, from the cache if one is idle;
     * hand it back with {@link #giveBack} (or close it) when done.
     */
    PreparedStatement take(Connection connection, String sql) throws SQLException {
        SQLiteConnection physical = connection.unwrap(SQLiteConnection.class);
        PreparedStatement cached = of(physical).take(sql);
        return cached != null ? cached : physical.prepareStatement(sql);
    }

    /** Keeps a statement from {@link #take} for the next use of {@code sql} on its connection. */
    void giveBack(Connection connection, String sql, PreparedStatement statement) throws SQLException {
        SQLiteConnection physical = connection.unwrap(SQLiteConnection.class);
        if (physical.isClosed() || statement.isClosed()) {
            statement.close();
            return;
        }
        statement.clearBatch();
        of(physical).giveBack(sql, statement);
    }

    /** Closes every cached statement; for shutdown, after the pools closed their connections. */
    void clear() {
        connections.values().forEach(Statements::closeAll);
        connections.clear();
    }

    private Statements of(SQLiteConnection physical) throws SQLException {
        Statements statements = connections.get(physical);
        if (statements != null) return statements;
        connections.keySet().removeIf(SqliteStatementCache::isClosed);
        return connections.computeIfAbsent(physical, c -> new Statements());
    }

    private static boolean isClosed(SQLiteConnection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** One handle's view: takes statements from its connection's cache and gives them back. */
    private final class Builder implements StatementBuilder {
        /** The SQL each statement in use was prepared from (JDBI closes with another form of the SQL). */
        private final Map<Statement, String> inUse = new IdentityHashMap<>();

        @Override
        public Statement create(Connection conn, StatementContext ctx) throws SQLException {
            return conn.createStatement();
        }

        @Override
        public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
            SQLiteConnection physical = conn.unwrap(SQLiteConnection.class);
            PreparedStatement cached = of(physical).take(sql);
            PreparedStatement statement = cached != null ? cached : physical.prepareStatement(sql);
            inUse.put(statement, sql);
            return statement;
        }

        @Override
        public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
            return conn.prepareCall(sql);
        }

        @Override
        public void close(Connection conn, String renderedSql, Statement stmt) throws SQLException {
            String sql = inUse.remove(stmt);
            if (sql == null || !(stmt instanceof PreparedStatement prepared) || stmt.isClosed()) {
                stmt.close();
                return;
            }
            SQLiteConnection physical = conn.unwrap(SQLiteConnection.class);
            if (physical.isClosed()) {
                stmt.close();
                return;
            }
            prepared.clearBatch();
            of(physical).giveBack(sql, prepared);
        }
    }

    /** The idle statements of one connection, least recently used first. */
    private static final class Statements {
        private final LinkedHashMap<String, PreparedStatement> idle = new LinkedHashMap<>(PER_CONNECTION, 0.75f, true);

        PreparedStatement take(String sql) {
            return idle.remove(sql);
        }

        void giveBack(String sql, PreparedStatement statement) throws SQLException {
            PreparedStatement other = idle.putIfAbsent(sql, statement);
            if (other != null) {
                statement.close();
                return;
            }
            if (idle.size() <= PER_CONNECTION) return;
            var eldest = idle.entrySet().iterator().next();
            idle.remove(eldest.getKey());
            eldest.getValue().close();
        }

        void closeAll() {
            List<PreparedStatement> all = new ArrayList<>(idle.values());
            idle.clear();
            for (PreparedStatement statement : all) {
                try {
                    statement.close();
                } catch (SQLException ignored) {
                    // The connection is gone; so is the statement.
                }
            }
        }
    }
}
