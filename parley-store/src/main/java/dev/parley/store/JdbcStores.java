package dev.parley.store;

import dev.parley.core.port.ConversationStore;
import dev.parley.core.port.EventLog;
import dev.parley.core.port.MessageStore;
import dev.parley.core.port.SessionStore;
import dev.parley.core.port.Transactor;
import dev.parley.core.port.UserStore;

/**
 * The JDBC stores of one database (SQLite or PostgreSQL, chosen by the URL) sharing one pool and
 * one transactor. {@link #open} connects but does not migrate; {@link #migrate} applies the
 * dialect's Flyway migrations.
 */
public final class JdbcStores implements AutoCloseable {
    // WORK IN PROGRESS: the store implementation replaces this skeleton.
    public static JdbcStores open(DatabaseSettings settings) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public void migrate() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public Transactor transactor() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public UserStore users() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public SessionStore sessions() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public ConversationStore conversations() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public MessageStore messages() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public EventLog eventLog() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** True if the database answers a trivial query. */
    public boolean isHealthy() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public void close() {
    }
}
