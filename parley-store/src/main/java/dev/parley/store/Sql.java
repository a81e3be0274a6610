package dev.parley.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Plain JDBC on the connection of a JDBI handle, for the statements on the hot paths (a send, a
 * history page, access checks, event replay), where JDBI's per-statement work (configuration
 * lookups, argument factories, result iterables) costs more than SQLite takes to run the
 * statement. Parameters are positional and bound by their Java type ({@code String}, {@code Long},
 * {@code Integer}, {@code Boolean}, null); rows are read by a {@link Row} function. On SQLite the
 * statements are kept per connection ({@link SqliteStatementCache}); PostgreSQL's driver keeps its
 * server-side prepared statements per connection by itself. A failure is thrown as a
 * {@link Failure}, which the transactor translates like JDBI's exceptions. Thread-safe: each call
 * uses the calling thread's handle.
 */
final class Sql {
    /** Reads one row into a value. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** A statement that failed, with the database's exception as its cause. */
    static final class Failure extends RuntimeException {
        Failure(String sql, SQLException cause) {
            super(cause.getMessage() + " [" + sql + "]", cause);
        }
    }

    private final SqliteStatementCache cache;
    private volatile Consumer<String> listener;
    private volatile Function<Connection, String> owed = connection -> null;

    /** @param cache the statement cache of SQLite connections; null on PostgreSQL */
    Sql(SqliteStatementCache cache) {
        this.cache = cache;
    }

    /**
     * Where a statement owed before the next one on a connection comes from (on PostgreSQL a
     * group-commit batch's next savepoint, {@link BatchSavepoints}, or the snapshot a read
     * transaction asks for): it is taken, and sent
     * with the next statement, in the same round trip (PostgreSQL's driver sends the two
     * statements of one text together), or before a batch.
     */
    void takeOwedFrom(Function<Connection, String> source) {
        this.owed = source;
    }

    /** Tells {@code listener} the SQL of every statement run from now on; for tests that count statements. */
    void listen(Consumer<String> listener) {
        this.listener = listener;
    }

    /** Runs a statement without parameters or rows (a transaction's control, upkeep), not kept for reuse. */
    static void execute(Connection connection, String statement) throws SQLException {
        try (java.sql.Statement plain = connection.createStatement()) {
            plain.execute(statement);
        }
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the number of rows it changed. */
    int update(Handle handle, String sql, Object... args) {
        Connection connection = handle.getConnection();
        String first = owed.apply(connection);
        String text = first == null ? sql : first + "; " + sql;
        PreparedStatement statement = prepare(connection, text);
        try {
            bind(statement, args);
            int changed;
            if (first == null) {
                changed = statement.executeUpdate();
            } else {
                statement.execute();
                statement.getMoreResults();
                changed = statement.getUpdateCount();
            }
            release(connection, text, statement);
            return changed;
        } catch (SQLException e) {
            throw failed(text, statement, e);
        }
    }

    /**
     * Runs each statement with its parameters, in order, and then {@code COMMIT}, all as one text,
     * which PostgreSQL's driver sends in one round trip (SQLite's would run only the text's first
     * statement); what is owed goes first. Afterwards the connection is outside a transaction, and
     * committing it again does nothing. If a statement fails, none after it runs, the COMMIT neither.
     */
    void updateThenCommit(Handle handle, List<String> statements, List<Object[]> args) {
        Connection connection = handle.getConnection();
        StringJoiner text = new StringJoiner("; ");
        String first = owed.apply(connection);
        if (first != null) text.add(first);
        statements.forEach(text::add);
        String sql = text.add("COMMIT").toString();
        PreparedStatement statement = prepare(connection, sql);
        try {
            bind(statement, args.stream().flatMap(Arrays::stream).toArray());
            statement.execute();
            release(connection, sql, statement);
        } catch (SQLException e) {
            throw failed(sql, statement, e);
        }
    }

    /** Runs one INSERT, UPDATE or DELETE for each set of parameters, as one batch. */
    void batch(Handle handle, String sql, List<Object[]> rows) {
        if (rows.isEmpty()) return;
        if (rows.size() == 1) {
            update(handle, sql, rows.getFirst()); // with what is owed, in one round trip
            return;
        }
        Connection connection = handle.getConnection();
        PreparedStatement statement = prepare(connection, sql);
        try {
            for (Object[] args : rows) {
                bind(statement, args);
                statement.addBatch();
            }
            String first = owed.apply(connection);
            if (first != null) execute(connection, first);
            statement.executeBatch();
            release(connection, sql, statement);
        } catch (SQLException e) {
            throw failed(sql, statement, e);
        }
    }

    /** The first row of a query (or of a statement with RETURNING), if any. */
    <T> Optional<T> one(Handle handle, String sql, Row<T> row, Object... args) {
        return Optional.ofNullable(query(handle, sql, args, rs -> rs.next() ? row.map(rs) : null));
    }

    /** Every row of a query, in its order. */
    <T> List<T> list(Handle handle, String sql, Row<T> row, Object... args) {
        return query(handle, sql, args, rs -> {
            List<T> rows = new ArrayList<>();
            while (rs.next()) rows.add(row.map(rs));
            return rows;
        });
    }

    /** Runs a query and hands its result set to {@code read}. */
    private <T> T query(Handle handle, String sql, Object[] args, Row<T> read) {
        Connection connection = handle.getConnection();
        String first = owed.apply(connection);
        String text = first == null ? sql : first + "; " + sql;
        PreparedStatement statement = prepare(connection, text);
        try {
            bind(statement, args);
            T value;
            try (ResultSet rs = first == null ? statement.executeQuery() : resultAfterFirst(statement)) {
                value = read.map(rs);
            }
            release(connection, text, statement);
            return value;
        } catch (SQLException e) {
            throw failed(text, statement, e);
        }
    }

    /** Runs a statement of two (the owed one, then a query) and returns the second's rows. */
    private static ResultSet resultAfterFirst(PreparedStatement statement) throws SQLException {
        statement.execute();
        if (!statement.getMoreResults()) throw new SQLException("The query after an owed statement returned no rows");
        return statement.getResultSet();
    }

    private PreparedStatement prepare(Connection connection, String sql) {
        Consumer<String> told = listener;
        if (told != null) told.accept(sql);
        try {
            return cache != null ? cache.take(connection, sql) : connection.prepareStatement(sql);
        } catch (SQLException e) {
            throw new Failure(sql, e);
        }
    }

    private void release(Connection connection, String sql, PreparedStatement statement) throws SQLException {
        if (cache != null) cache.giveBack(connection, sql, statement);
        else statement.close();
    }

    /** Closes the statement of a failed call (a cached one is not reused) and wraps the failure. */
    private static Failure failed(String sql, PreparedStatement statement, SQLException e) {
        try {
            statement.close();
        } catch (SQLException closing) {
            e.addSuppressed(closing);
        }
        return new Failure(sql, e);
    }

    /**
     * Binds every parameter. A cached SQLite statement keeps its previous values, so none may be
     * left out (on PostgreSQL a statement is fresh, and the driver refuses an unbound parameter).
     */
    private void bind(PreparedStatement statement, Object[] args) throws SQLException {
        if (cache != null && args.length != statement.getParameterMetaData().getParameterCount()) {
            throw new IllegalArgumentException("The statement has " + statement.getParameterMetaData().getParameterCount()
                    + " parameters, " + args.length + " were given");
        }
        for (int i = 0; i < args.length; i++) {
            int index = i + 1;
            switch (args[i]) {
                case null -> statement.setNull(index, Types.NULL);
                case String text -> statement.setString(index, text);
                case Long number -> statement.setLong(index, number);
                case Integer number -> statement.setInt(index, number);
                case Boolean flag -> statement.setBoolean(index, flag);
                default -> throw new IllegalArgumentException("Cannot bind a " + args[i].getClass().getName());
            }
        }
    }
}
