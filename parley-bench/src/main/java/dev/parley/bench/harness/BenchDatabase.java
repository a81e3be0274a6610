package dev.parley.bench.harness;

import dev.parley.store.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 */
public final class BenchDatabase implements AutoCloseable {
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
                    .setLocaleConfig("locale", "C.UTF-8")
                    .start();
            return new BenchDatabase("postgres", "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres", "postgres", pg, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDirectory, e);
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
