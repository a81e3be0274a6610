package dev.parley.store.search;

import dev.parley.store.JdbcStores;
import java.nio.file.Path;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** {@link SearchContract} on a SQLite file migrated with the SQLite migrations. */
class SearchSqliteTest extends SearchContract {
    @TempDir
    static Path directory;
    private static Jdbi jdbi;

    @BeforeAll
    static void migrate() {
        String url = "jdbc:sqlite:" + directory.resolve("search.db");
        JdbcStores.migrations(url).dataSource(url, null, null).load().migrate();
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
