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

    private PostgresStoreFixture(JdbcStores stores) {
        this.stores = stores;
    }

    static PostgresStoreFixture create() {
        JdbcStores stores = JdbcStores.open(new DatabaseSettings(EmbeddedPostgresHolder.newDatabase(), "postgres",
                null, 4));
        stores.migrate();
        return new PostgresStoreFixture(stores);
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
