package dev.parley.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.core.port.ConversationStore;
import dev.parley.core.port.EventLog;
import dev.parley.core.port.LastSeenStore;
import dev.parley.core.port.MembershipIndex;
import dev.parley.core.port.MessageStore;
import dev.parley.core.port.SessionStore;
import dev.parley.core.port.Transactor;
import dev.parley.core.port.UserStore;
import dev.parley.store.search.MessageSearch;
import dev.parley.store.search.PostgresMessageSearch;
import dev.parley.store.search.SqliteMessageSearch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;

/**
 * The JDBC stores of one database (SQLite or PostgreSQL, chosen by the URL) sharing one pool and
 * one transactor. {@link #open} connects but does not migrate; {@link #migrate} applies the
 * dialect's Flyway migrations. Thread-safe; close it once at shutdown.
 *
 * <p>SQLite: the file's folder is created if missing; the database runs in WAL mode with foreign
 * keys on and a busy timeout; one connection writes, driven by one thread that commits the writes
 * queued meanwhile together (group commit, see {@link JdbcTransactor}; transactions start with
 * {@code BEGIN IMMEDIATE}) while a pool of {@code poolSize} connections reads; every connection is
 * kept open and keeps its prepared statements ({@link SqliteStatementCache}). PostgreSQL: one pool of
 * {@code poolSize} connections.
 */
public final class JdbcStores implements AutoCloseable {
    /** Every table, children before parents, for {@link #reset}. */
    private static final List<String> TABLES = List.of("message_mentions", "message_edits", "message_reactions",
            "message_pins", "events", "messages", "conversation_members", "conversations", "user_blocks", "sessions",
            "users");
    private static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;

    private final Dialect dialect;
    private final List<HikariDataSource> pools;
    private final SqliteStatementCache statementCache;
    private final DataSource migrationSource;
    private final Jdbi writeJdbi;
    private final Jdbi readJdbi;
    private final JdbcTransactor transactor;
    private final JdbcUserStore users;
    private final JdbcSessionStore sessions;
    private final JdbcConversationStore conversations;
    private final JdbcMessageStore messages;
    private final JdbcEventLog eventLog;
    private final JdbcLastSeenStore lastSeen;
    private final JdbcMembershipIndex membershipIndex;

    private JdbcStores(Dialect dialect, HikariDataSource writePool, HikariDataSource readPool) {
        this.dialect = dialect;
        this.pools = writePool == readPool ? List.of(readPool) : List.of(writePool, readPool);
        this.migrationSource = readPool;
        this.writeJdbi = Jdbi.create(writePool);
        this.readJdbi = writePool == readPool ? writeJdbi : Jdbi.create(readPool);
        this.statementCache = dialect == Dialect.SQLITE ? new SqliteStatementCache() : null;
        if (statementCache != null) {
            writeJdbi.setStatementBuilderFactory(statementCache);
            readJdbi.setStatementBuilderFactory(statementCache);
        }
        this.transactor = new JdbcTransactor(dialect, writeJdbi, readJdbi, dialect == Dialect.SQLITE);
        this.users = new JdbcUserStore(transactor);
        this.sessions = new JdbcSessionStore(transactor);
        this.conversations = new JdbcConversationStore(transactor, dialect);
        this.messages = new JdbcMessageStore(transactor, dialect, search(dialect));
        this.eventLog = new JdbcEventLog(transactor);
        this.lastSeen = new JdbcLastSeenStore(transactor);
        this.membershipIndex = new JdbcMembershipIndex(transactor);
    }

    /** Connects to the database the URL names; throws {@code IllegalArgumentException} for an unsupported URL. */
    public static JdbcStores open(DatabaseSettings settings) {
        Dialect dialect = Dialect.of(settings.jdbcUrl());
        int poolSize = Math.max(2, settings.poolSize());
        if (dialect == Dialect.SQLITE) {
            createFolderOf(settings.jdbcUrl());
            HikariDataSource writePool = pool(sqliteConfig(settings, "parley-sqlite-write", 1, "IMMEDIATE"));
            try {
                return new JdbcStores(dialect, writePool, pool(sqliteConfig(settings, "parley-sqlite-read", poolSize, "DEFERRED")));
            } catch (RuntimeException e) {
                writePool.close();
                throw e;
            }
        }
        HikariConfig config = baseConfig(settings, "parley-postgresql", poolSize);
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        HikariDataSource pool = pool(config);
        return new JdbcStores(dialect, pool, pool);
    }

    /** Applies the dialect's migrations that the database does not have yet. */
    public void migrate() {
        migrations(dialect).dataSource(migrationSource).load().migrate();
    }

    /**
     * Flyway configured with every migration of the database a JDBC URL names (SQL and Java), but
     * no data source yet; for tools and tests that migrate a database without opening the stores.
     */
    public static FluentConfiguration migrations(String jdbcUrl) {
        return migrations(Dialect.of(jdbcUrl));
    }

    private static FluentConfiguration migrations(Dialect dialect) {
        return Flyway.configure().locations(dialect.migrations()).javaMigrations(dialect.javaMigrations());
    }

    public Transactor transactor() {
        return transactor;
    }

    public UserStore users() {
        return users;
    }

    public SessionStore sessions() {
        return sessions;
    }

    public ConversationStore conversations() {
        return conversations;
    }

    public MessageStore messages() {
        return messages;
    }

    public EventLog eventLog() {
        return eventLog;
    }

    /** When users were last seen connected ({@code users.last_seen_at}). */
    public LastSeenStore lastSeen() {
        return lastSeen;
    }

    /** Membership lookups of the real-time transport: a user's conversations, shared conversations, unread counts. */
    public MembershipIndex membershipIndex() {
        return membershipIndex;
    }

    /** True if the database answers a trivial query. */
    public boolean isHealthy() {
        try (Handle handle = readJdbi.open()) {
            return handle.createQuery("SELECT 1").mapTo(Integer.class).one() == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Deletes every row of every table, keeping the schema. For tests and fixtures only. */
    public void reset() {
        transactor.writing(h -> {
            for (String table : TABLES) h.execute("DELETE FROM " + table);
            return null;
        });
    }

    /** Reports every statement run from now on to {@code logger}; for tests that count statements. */
    void logStatements(SqlLogger logger) {
        writeJdbi.setSqlLogger(logger);
        readJdbi.setSqlLogger(logger);
    }

    @Override
    public void close() {
        transactor.close();
        pools.forEach(HikariDataSource::close);
        if (statementCache != null) statementCache.clear();
    }

    private static MessageSearch search(Dialect dialect) {
        return switch (dialect) {
            case SQLITE -> new SqliteMessageSearch();
            case POSTGRESQL -> new PostgresMessageSearch();
        };
    }

    private static HikariDataSource pool(HikariConfig config) {
        return new HikariDataSource(config);
    }

    private static HikariConfig baseConfig(DatabaseSettings settings, String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(settings.jdbcUrl());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        return config;
    }

    /** SQLite pragmas are connection properties of the driver, applied to every new connection. */
    private static HikariConfig sqliteConfig(DatabaseSettings settings, String name, int size, String transactionMode) {
        HikariConfig config = baseConfig(settings, name, size);
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", "NORMAL");
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty("busy_timeout", String.valueOf(SQLITE_BUSY_TIMEOUT_MS));
        config.addDataSourceProperty("transaction_mode", transactionMode);
        // Writes queue for the writer thread (GroupCommit) before it asks for the one write connection.
        config.setConnectionTimeout(SQLITE_BUSY_TIMEOUT_MS * 3L);
        // Connections to a local file are kept for good: SqliteStatementCache keeps their statements.
        config.setMinimumIdle(size);
        config.setIdleTimeout(0);
        config.setMaxLifetime(0);
        return config;
    }

    /** Creates the folder of a SQLite file named by {@code jdbc:sqlite:<path>[?options]}; nothing for in-memory. */
    static void createFolderOf(String jdbcUrl) {
        if (jdbcUrl.contains(":memory:") || jdbcUrl.contains("mode=memory")) {
            throw new IllegalArgumentException("SQLite needs a database file (jdbc:sqlite:<path>), not an in-memory database");
        }
        String path = jdbcUrl.substring("jdbc:sqlite:".length());
        int options = path.indexOf('?');
        if (options >= 0) path = path.substring(0, options);
        if (path.startsWith("file:")) path = path.substring("file:".length());
        if (path.isEmpty()) throw new IllegalArgumentException("The SQLite URL names no file: " + jdbcUrl);
        Path parent = Path.of(path).toAbsolutePath().getParent();
        if (parent == null) return;
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the database folder " + parent, e);
        }
    }
}
