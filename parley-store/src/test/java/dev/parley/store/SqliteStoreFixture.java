package dev.parley.store;

import dev.parley.core.port.ConversationStore;
import dev.parley.core.port.EventLog;
import dev.parley.core.port.MessageStore;
import dev.parley.core.port.SessionStore;
import dev.parley.core.port.Transactor;
import dev.parley.core.port.UserStore;
import dev.parley.testkit.StoreFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A migrated SQLite database in a fresh temporary folder, removed on {@link #close}. */
final class SqliteStoreFixture implements StoreFixture, AutoCloseable {
    private final Path folder;
    private final JdbcStores stores;

    private SqliteStoreFixture(Path folder, JdbcStores stores) {
        this.folder = folder;
        this.stores = stores;
    }

    static SqliteStoreFixture create() {
        try {
            Path folder = Files.createTempDirectory("parley-sqlite-");
            JdbcStores stores = JdbcStores.open(new DatabaseSettings("jdbc:sqlite:" + folder.resolve("parley.db"), null,
                    null, 4));
            stores.migrate();
            return new SqliteStoreFixture(folder, stores);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
