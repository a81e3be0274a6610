package dev.parley.store;

import dev.parley.core.port.ConversationStore;
import dev.parley.core.port.EventLog;
import dev.parley.core.port.MessageStore;
import dev.parley.core.port.SessionStore;
import dev.parley.core.port.Transactor;
import dev.parley.core.port.UserStore;
import dev.parley.testkit.StoreFixture;

/** A migrated database of its own on the JVM's embedded PostgreSQL ({@link EmbeddedPostgresHolder}). */
final class PostgresStoreFixture implements StoreFixture, AutoCloseable {
    private final JdbcStores stores;
    private final String jdbcUrl;

    private PostgresStoreFixture(JdbcStores stores, String jdbcUrl) {
        this.stores = stores;
        this.jdbcUrl = jdbcUrl;
    }

    static PostgresStoreFixture create() {
        String jdbcUrl = EmbeddedPostgresHolder.newDatabase();
        JdbcStores stores = JdbcStores.open(new DatabaseSettings(jdbcUrl, "postgres", null, 4));
        stores.migrate();
        return new PostgresStoreFixture(stores, jdbcUrl);
    }

    /** The database's URL, for a connection of a test's own (user {@code postgres}, no password). */
    String jdbcUrl() {
        return jdbcUrl;
    }

    JdbcStores stores() {
        return stores;
    }

    @Override
    public Transactor transactor() {
        return stores.transactor();
    }

    @Override
    public UserStore users() {
        return stores.users();
    }

    @Override
    public SessionStore sessions() {
        return stores.sessions();
    }

    @Override
    public ConversationStore conversations() {
        return stores.conversations();
    }

    @Override
    public MessageStore messages() {
        return stores.messages();
    }

    @Override
    public EventLog eventLog() {
        return stores.eventLog();
    }

    @Override
    public void reset() {
        stores.reset();
    }

    @Override
    public void close() {
        stores.close();
    }
}
