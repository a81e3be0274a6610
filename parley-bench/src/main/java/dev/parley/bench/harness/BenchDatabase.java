package dev.parley.bench.harness;

import dev.parley.store.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The database a Parley server under test uses: a SQLite file in the server's data directory, or
 * an embedded PostgreSQL (io.zonky binaries) whose data directory is kept in a folder of its own,
 * so a generated store can be reused by later runs. Close it after the server stopped.
 *
 * <p>The embedded PostgreSQL starts without durability by default ({@code fsync} and
 * {@code synchronous_commit} off, for fast tests); the bench turns both back on, as a production
 * server has them (docs/operations.md), so an acknowledged send is on disk here too.
 *
 * <p>A PostgreSQL that has been running reuses its write-ahead log's segment files: a checkpoint
 * renames the old ones for the log to write into next. A new database has none, so every 16 MB of
 * log some commit creates a file and fills it with zeros while every other commit waits for it
 * (seen as {@code IO:WalInitWrite} in {@code pg_stat_activity}; it doubled the fan-out's p99). So
 * the bench gives its PostgreSQL the log sizes docs/operations.md recommends and, before any
 * workload, writes {@value #PREPARED_LOG_MB} MB of log into a scratch table, drops it and
 * checkpoints: the runs then measure a database in its steady state.
 */
public final class BenchDatabase implements AutoCloseable {
    /** Log written (and its segment files left for reuse) before any workload, in MB. */
    static final int PREPARED_LOG_MB = 700;
    private final String kind;
    private final String jdbcUrl;
    private final String user;
    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private BenchDatabase(String kind, String jdbcUrl, String user, EmbeddedPostgres postgres, Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        this.kind = kind;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.postgres = postgres;
    }

    /** {@code sqlite} or {@code postgres}, in {@code folder} (SQLite's file, or PostgreSQL's data directory). */
    public static BenchDatabase open(String kind, Path folder) {
        return switch (kind) {
            case "sqlite" -> new BenchDatabase(kind, "jdbc:sqlite:" + folder.resolve("parley.db").toAbsolutePath(), null, null, null);
            case "postgres" -> postgres(folder.resolve("pg"));
            default -> throw new IllegalArgumentException("--db must be sqlite or postgres, got \"" + kind + "\"");
        };
    }

    private static BenchDatabase postgres(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setLocaleConfig("encoding", "UTF8")
                    .setServerConfig("min_wal_size", "1GB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .start();
            prepareLogSegments(pg);
            return new BenchDatabase("postgres", "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres", "postgres", pg, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** Leaves about {@value #PREPARED_LOG_MB} MB of log segment files ready for reuse (see the class comment). */
    private static void prepareLogSegments(EmbeddedPostgres pg) {
        try (Connection connection = pg.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE bench_log_preparation AS SELECT g, repeat('p', 1000) AS filler"
                    + " FROM generate_series(1, " + PREPARED_LOG_MB * 1000 + ") AS g");
            statement.execute("DROP TABLE bench_log_preparation");
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the embedded PostgreSQL's log segments", e);
        }
    }

    /** The log segment files of this PostgreSQL ({@code pg_wal}); none for SQLite. */
    long logSegmentFiles() {
        if (dataDirectory == null) return 0;
        try (var files = Files.list(dataDirectory.resolve("pg_wal"))) {
            return files.filter(f -> f.getFileName().toString().matches("[0-9A-F]{24}")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String kind() {
        return kind;
    }

    /** Where the stores connect. */
    public DatabaseSettings settings() {
        return new DatabaseSettings(jdbcUrl, user, null, 10);
    }

    /** The server's {@code PARLEY_DATABASE_*} settings (none for SQLite: its file is in the data directory). */
    public Map<String, String> serverEnvironment() {
        if (postgres == null) return Map.of();
        return Map.of("PARLEY_DATABASE_URL", jdbcUrl, "PARLEY_DATABASE_USER", user);
    }

    /** CPU seconds of PostgreSQL's processes (postmaster and its current backends), or -1 for SQLite. */
    public double cpuSeconds() {
        if (postgres == null) return -1;
        List<Long> pids = new ArrayList<>();
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().strip());
            pids.add(postmaster);
            ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        double total = 0;
        for (long pid : pids) total += Math.max(0, ProcStats.cpuSeconds(pid));
        return total;
    }

    @Override
    public void close() {
        if (postgres == null) return;
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
