package dev.parley.store.search;

import dev.parley.store.JdbcStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link SearchContract} on an embedded PostgreSQL migrated with the PostgreSQL migrations. */
class SearchPostgresTest extends SearchContract {
    private static EmbeddedPostgres postgres;
    private static Jdbi jdbi;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        DataSource dataSource = postgres.getPostgresDatabase();
        JdbcStores.migrations("jdbc:postgresql:").dataSource(dataSource).load().migrate();
        jdbi = Jdbi.create(dataSource);
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) postgres.close();
    }

    @Override
    protected Jdbi jdbi() {
        return jdbi;
    }

    @Override
    protected MessageSearch search() {
        return new PostgresMessageSearch();
    }

    @Override
    protected void beforeCommit(Handle handle) {
        // The expression indexes are up to date at once.
    }
}
