package dev.parley.store;

import dev.parley.store.search.SqliteSearchMigration;
import java.sql.SQLException;
import java.util.Locale;
import org.flywaydb.core.api.migration.JavaMigration;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * What differs between the SQL databases Parley runs on; everything else is shared SQL. Both
 * dialects understand {@code RETURNING}, {@code ON CONFLICT DO NOTHING}, {@code IS DISTINCT FROM},
 * row values and window functions, and take Java booleans as parameters.
 */
enum Dialect {
    SQLITE("sqlite", "rowid", "json_group_array"),
    POSTGRESQL("postgresql", "row_no", "json_agg");

    private final String folder;
    private final String insertionColumn;
    private final String jsonArrayFunction;

    Dialect(String folder, String insertionColumn, String jsonArrayFunction) {
        this.folder = folder;
        this.insertionColumn = insertionColumn;
        this.jsonArrayFunction = jsonArrayFunction;
    }

    /** The dialect of a JDBC URL; rejects databases Parley does not support. */
    static Dialect of(String jdbcUrl) {
        String url = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:sqlite:")) return SQLITE;
        if (url.startsWith("jdbc:postgresql:")) return POSTGRESQL;
        throw new IllegalArgumentException("Unsupported database URL (use jdbc:sqlite:<file> or jdbc:postgresql://...): "
                + jdbcUrl);
    }

    /** The Flyway location of this dialect's SQL migrations. */
    String migrations() {
        return "classpath:db/migration/" + folder;
    }

    /** This dialect's migrations written in Java, which Flyway is given along with the SQL ones. */
    JavaMigration[] javaMigrations() {
        return this == SQLITE ? new JavaMigration[] {new SqliteSearchMigration()} : new JavaMigration[0];
    }

    /**
     * A column of {@code conversation_members} and {@code message_reactions} that grows with every
     * insert, to order rows of equal time: SQLite's rowid, an identity column on PostgreSQL.
     */
    String insertionOrder(String alias) {
        return alias + "." + insertionColumn;
    }

    /**
     * An aggregate that collects {@code expression} into a JSON array text in the given order; on
     * no rows it gives SQLite {@code []} and PostgreSQL NULL (readers treat both as empty).
     */
    String jsonArray(String expression, String orderBy) {
        return jsonArrayFunction + "(" + expression + " ORDER BY " + orderBy + ")"
                + (this == POSTGRESQL ? "::text" : "");
    }

    /** The larger of two values: SQLite's two-argument {@code max}, PostgreSQL's {@code GREATEST}. */
    String greatest(String a, String b) {
        return (this == SQLITE ? "max(" : "GREATEST(") + a + ", " + b + ")";
    }

    /**
     * Whether a {@code WITH} clause may hold an UPDATE whose {@code RETURNING} rows the rest of the
     * statement reads (PostgreSQL); SQLite's {@code WITH} takes only queries.
     */
    boolean updatesInWith() {
        return this == POSTGRESQL;
    }

    /**
     * Whether a write's {@code COMMIT} goes out in one text with its last statements: PostgreSQL's
     * driver sends the statements of a text in one round trip. SQLite's driver prepares only a
     * text's first statement, and a statement there costs no round trip.
     */
    boolean commitsWithStatements() {
        return this == POSTGRESQL;
    }

    /** The statement that opens a read transaction on a consistent snapshot, or null if BEGIN does. */
    String readSnapshotStatement() {
        return this == POSTGRESQL ? "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY" : null;
    }

    /**
     * The most writes one group-commit batch takes. PostgreSQL keeps the ids of at most 64
     * subtransactions (savepoints that wrote) of a transaction in shared memory; past that every
     * snapshot taken meanwhile has to look them up on disk, so its batches stay within that.
     */
    int maxBatch() {
        return this == POSTGRESQL ? 64 : 256;
    }

    /** The kind of integrity violation an exception reports, if any. */
    Violation violation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite) {
                SQLiteErrorCode code = sqlite.getResultCode();
                if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
                    return Violation.UNIQUE;
                }
                if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY) return Violation.FOREIGN_KEY;
            } else if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ("23505".equals(state)) return Violation.UNIQUE;
                if ("23503".equals(state)) return Violation.FOREIGN_KEY;
            }
        }
        return Violation.NONE;
    }

    enum Violation { NONE, UNIQUE, FOREIGN_KEY }
}
