package dev.parley.store.search;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** {@link SearchContract} on a SQLite file migrated with {@code db/migration/sqlite}. */
class SearchSqliteTest extends SearchContract {
    @TempDir
    static Path directory;
    private static Jdbi jdbi;

    @BeforeAll
    static void migrate() {
        String url = "jdbc:sqlite:" + directory.resolve("search.db");
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration/sqlite").load().migrate();
        jdbi = Jdbi.create(url);
    }

    @Override
    protected Jdbi jdbi() {
        return jdbi;
    }

    @Override
    protected MessageSearch search() {
        return new SqliteMessageSearch();
    }

    @Override
    protected void beforeCommit(Handle handle) {
        SqliteSearchIndex.indexPending(handle);
    }
}
