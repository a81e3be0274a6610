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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.sqlite.SQLiteOpenMode;

/**
 * The JDBC stores of one database (SQLite or PostgreSQL, chosen by the URL) sharing one pool and
 * one transactor. {@link #open} connects but does not migrate; {@link #migrate} applies the
 * dialect's Flyway migrations. Thread-safe; close it once at shutdown.
 *
 * <p>SQLite: the file's folder is created if missing; the database runs in WAL mode with foreign
 * keys on and a busy timeout; one connection writes, driven by one thread that commits the writes
 * queued meanwhile together (group commit, see {@link JdbcTransactor}; transactions start with
 * {@code BEGIN IMMEDIATE}) while a pool of {@code poolSize} connections reads; every connection is
 * kept open and keeps its prepared statements ({@link SqliteStatementCache}); the log is copied
 * back into the file in the background ({@link BackgroundUpkeep}). PostgreSQL: a pool of
 * {@code poolSize} connections for reads and for writes without a conversation, and a pool of
 * {@link #POSTGRES_WRITE_LANES} connections, one for each writer thread that commits the writes of
 * its conversations in groups.
 */
public final class JdbcStores implements AutoCloseable {
    /** Every table, children before parents, for {@link #reset}. */
    private static final List<String> TABLES = List.of("message_mentions", "message_edits", "message_reactions",
            "message_pins", "events", "messages", "conversation_members", "conversations", "user_blocks", "sessions",
            "users");
    private static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;
    private static final Duration UPKEEP_INTERVAL = Duration.ofSeconds(1);
    private static final int RESTART_LOG_PAGES = 4096;
    private static final long LOG_SIZE_LIMIT_BYTES = 64L * 1024 * 1024;
    /** PostgreSQL's writer threads (lanes) for the writes of conversations; see {@link JdbcTransactor}. */
    static final int POSTGRES_WRITE_LANES = 8;

    private final Dialect dialect;
    private final List<HikariDataSource> pools;
    private final SqliteStatementCache statementCache;
    private final BackgroundUpkeep upkeep;
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

    /** {@code lanePool}: PostgreSQL's connections for the writer threads; null on SQLite, whose lane writes on {@code writePool}. */
    private JdbcStores(Dialect dialect, HikariDataSource writePool, HikariDataSource readPool, HikariDataSource lanePool) {
        this.dialect = dialect;
        this.pools = java.util.stream.Stream.of(writePool, readPool, lanePool).filter(java.util.Objects::nonNull)
                .distinct().toList();
        this.migrationSource = readPool;
        this.writeJdbi = Jdbi.create(writePool);
        this.readJdbi = writePool == readPool ? writeJdbi : Jdbi.create(readPool);
        Jdbi laneJdbi = lanePool == null ? writeJdbi : Jdbi.create(lanePool);
        this.statementCache = dialect == Dialect.SQLITE ? new SqliteStatementCache() : null;
        if (statementCache != null) {
            writeJdbi.setStatementBuilderFactory(statementCache);
            readJdbi.setStatementBuilderFactory(statementCache);
        }
        this.transactor = new JdbcTransactor(dialect, writeJdbi, readJdbi, laneJdbi,
                lanePool == null ? 1 : POSTGRES_WRITE_LANES, new Sql(statementCache));
        this.users = new JdbcUserStore(transactor);
        this.sessions = new JdbcSessionStore(transactor);
        this.conversations = new JdbcConversationStore(transactor, dialect);
        this.messages = new JdbcMessageStore(transactor, dialect, search(dialect));
        this.eventLog = new JdbcEventLog(transactor);
        this.lastSeen = new JdbcLastSeenStore(transactor);
        this.membershipIndex = new JdbcMembershipIndex(transactor);
        this.upkeep = switch (dialect) {
            case SQLITE -> BackgroundUpkeep.sqliteCheckpoints(() -> sqliteConnection(readPool.getJdbcUrl()), UPKEEP_INTERVAL);
            case POSTGRESQL -> BackgroundUpkeep.postgresPendingLists(() -> postgresConnection(readPool), UPKEEP_INTERVAL,
                    PostgresMessageSearch.GIN_INDEXES);
        };
    }

    /** Connects to the database the URL names; throws {@code IllegalArgumentException} for an unsupported URL. */
    public static JdbcStores open(DatabaseSettings settings) {
        Dialect dialect = Dialect.of(settings.jdbcUrl());
        int poolSize = Math.max(2, settings.poolSize());
        if (dialect == Dialect.SQLITE) {
            createFolderOf(settings.jdbcUrl());
            HikariDataSource writePool = pool(sqliteConfig(settings, "parley-sqlite-write", 1, "IMMEDIATE",
                    RESTART_LOG_PAGES));
            try {
                return new JdbcStores(dialect, writePool, pool(sqliteConfig(settings, "parley-sqlite-read", poolSize, "DEFERRED",
                        0)), null);
            } catch (RuntimeException e) {
                writePool.close();
                throw e;
            }
        }
        HikariDataSource pool = pool(postgresConfig(settings, "parley-postgresql", poolSize));
        HikariDataSource lanePool = null;
        try {
            HikariConfig lanes = postgresConfig(settings, "parley-postgresql-lanes", POSTGRES_WRITE_LANES);
            lanes.setMinimumIdle(POSTGRES_WRITE_LANES);
            lanePool = pool(lanes);
            return new JdbcStores(dialect, pool, pool, lanePool);
        } catch (RuntimeException e) {
            if (lanePool != null) lanePool.close();
            pool.close();
            throw e;
        }
    }

    private static HikariConfig postgresConfig(DatabaseSettings settings, String name, int size) {
        HikariConfig config = baseConfig(settings, name, size);
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        // A batch of INSERTs (a group commit's events, a message's mentions) becomes one multi-row INSERT.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return config;
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

    /** True while the background upkeep (checkpoints, GIN pending lists) runs; for tests. */
    boolean upkeepRuns() {
        return upkeep.isRunning();
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

    /** Tells {@code listener} the SQL of every statement run from now on; for tests that count statements. */
    void logStatements(Consumer<String> listener) {
        SqlLogger logger = new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                listener.accept(context.getParsedSql().getSql());
            }
        };
        writeJdbi.setSqlLogger(logger);
        readJdbi.setSqlLogger(logger);
        transactor.sql().listen(listener);
    }

    @Override
    public void close() {
        transactor.close();
        upkeep.close();
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

    /**
     * SQLite pragmas are connection properties of the driver, applied to every new connection.
     * Temporary data (statement journals of savepoints) stays in memory instead of in files
     * opened and closed per statement. Checkpoints: {@link BackgroundUpkeep} copies the log into
     * the file in the background, off the writer thread; but the log starts again from its
     * beginning only once it was copied whole while no write was under way, which a background
     * checkpoint never sees under steady writes (measured: the log grew by 2 GB in a minute). So
     * the writer keeps an automatic checkpoint at {@value #RESTART_LOG_PAGES} pages: the background
     * has copied nearly all of it by then, the writer copies the rest, and its next transaction
     * restarts the log. Read connections never write, so they check nothing; the log file kept
     * after a restart is cut to {@value #LOG_SIZE_LIMIT_BYTES} bytes. Connections are opened
     * without SQLite's own per-connection mutex ({@code SQLITE_OPEN_NOMUTEX}): a pool hands a
     * connection to one thread at a time and the driver serialises the calls on a connection
     * anyway, while the mutex was taken and released on every value a query returns (a third of
     * the cost of reading a page's rows).
     */
    private static Properties sqlitePragmas(String transactionMode, int autoCheckpointPages) {
        Properties pragmas = new Properties();
        pragmas.setProperty("open_mode", String.valueOf(
                SQLiteOpenMode.READWRITE.flag | SQLiteOpenMode.CREATE.flag | SQLiteOpenMode.NOMUTEX.flag));
        pragmas.setProperty("journal_mode", "WAL");
        pragmas.setProperty("synchronous", "NORMAL");
        pragmas.setProperty("foreign_keys", "true");
        pragmas.setProperty("busy_timeout", String.valueOf(SQLITE_BUSY_TIMEOUT_MS));
        pragmas.setProperty("temp_store", "MEMORY");
        pragmas.setProperty("wal_autocheckpoint", String.valueOf(autoCheckpointPages));
        pragmas.setProperty("journal_size_limit", String.valueOf(LOG_SIZE_LIMIT_BYTES));
        pragmas.setProperty("transaction_mode", transactionMode);
        return pragmas;
    }

    /** The SQLite pool {@code name} with the pragmas of {@link #sqlitePragmas}. */
    private static HikariConfig sqliteConfig(DatabaseSettings settings, String name, int size, String transactionMode,
                                             int autoCheckpointPages) {
        HikariConfig config = baseConfig(settings, name, size);
        config.setDataSourceProperties(sqlitePragmas(transactionMode, autoCheckpointPages));
        // Writes queue for the writer thread (GroupCommit) before it asks for the one write connection.
        config.setConnectionTimeout(SQLITE_BUSY_TIMEOUT_MS * 3L);
        // Connections to a local file are kept for good: SqliteStatementCache keeps their statements.
        config.setMinimumIdle(size);
        config.setIdleTimeout(0);
        config.setMaxLifetime(0);
        return config;
    }

    /** A connection of its own to the SQLite file, with the pragmas of the pools. */
    private static Connection sqliteConnection(String jdbcUrl) {
        try {
            return DriverManager.getConnection(jdbcUrl, sqlitePragmas("DEFERRED", 0));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the SQLite database " + jdbcUrl, e);
        }
    }

    /** A connection of its own to the PostgreSQL database of {@code pool}, with the pool's credentials. */
    private static Connection postgresConnection(HikariDataSource pool) {
        try {
            return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to PostgreSQL at " + pool.getJdbcUrl(), e);
        }
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
