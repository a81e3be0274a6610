package dev.parley.store.search;

import java.sql.Connection;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;

/**
 * SQLite migration 7: indexes the messages that migration {@code sqlite/V6} noted (every live
 * message of an existing database) into the new {@code messages_search}, with the same code the
 * store indexes new messages with, so the server starts with a complete index.
 */
public final class SqliteSearchMigration implements JavaMigration {
    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("7");
    }

    @Override
    public String getDescription() {
        return "index the messages noted for search";
    }

    @Override
    public Integer getChecksum() {
        return 7;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        Connection connection = context.getConnection();
        // The handle borrows Flyway's connection and transaction: closing it ends neither.
        Jdbi jdbi = Jdbi.create(new ConnectionFactory() {
            @Override
            public Connection openConnection() {
                return connection;
            }

            @Override
            public void closeConnection(Connection toClose) {
            }
        });
        jdbi.getConfig(Handles.class).setForceEndTransactions(false);
        try (Handle handle = jdbi.open()) {
            SqliteSearchIndex.indexPending(handle);
            // Built in chunks, the index is many segments; merged into one, a lookup reads one.
            handle.execute("INSERT INTO messages_search (messages_search) VALUES ('optimize')");
        }
    }
}
