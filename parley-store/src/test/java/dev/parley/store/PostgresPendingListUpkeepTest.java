package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.core.conversation.Conversation;
import dev.parley.core.user.User;
import dev.parley.store.search.PostgresMessageSearch;
import dev.parley.testkit.contract.ContractData;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The search indexes' GIN pending lists on PostgreSQL ({@code BackgroundUpkeep}): an insert never
 * has to merge them (their limit is far above a second of sends) and the server merges them in
 * the background. A few messages would stay in the pending lists for good without it: autovacuum
 * looks at a table only after a thousand inserts. A database user that does not own the indexes
 * may not merge them: the upkeep stops after one warning instead of failing every second.
 */
class PostgresPendingListUpkeepTest {
    @Test
    void theSearchIndexesPendingListsAreMergedInTheBackground() throws Exception {
        try (PostgresStoreFixture store = PostgresStoreFixture.create();
             Connection sql = DriverManager.getConnection(store.jdbcUrl(), "postgres", "")) {
            sql.createStatement().execute("CREATE EXTENSION pgstattuple");
            for (String index : PostgresMessageSearch.GIN_INDEXES) {
                assertThat(reloptions(sql, index)).contains("gin_pending_list_limit=65536");
            }

            ContractData data = new ContractData(store);
            User ann = data.user("ann");
            Conversation c = data.group("pending", ann, data.user("bob"));
            for (int i = 0; i < 30; i++) data.message(c, ann, "entry number " + i + " of the pending list");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                for (String index : PostgresMessageSearch.GIN_INDEXES) {
                    assertThat(pendingTuples(sql, index)).as(index).isZero();
                }
            });
            assertThat(store.messages().page(c.id(), null, null, null, 50)).hasSize(30);
            assertThat(store.stores().upkeepRuns()).isTrue();
        }
    }

    @Test
    void aUserThatMayNotMergeTheListsStopsTryingAndTheStoreStillWorks() throws Exception {
        String url;
        try (PostgresStoreFixture owner = PostgresStoreFixture.create()) {
            url = owner.jdbcUrl();
        }
        String role = "parley_not_owner_" + System.nanoTime();
        try (Connection sql = DriverManager.getConnection(url, "postgres", "");
             Statement st = sql.createStatement()) {
            st.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'secret'");
            st.execute("GRANT ALL ON ALL TABLES IN SCHEMA public TO " + role);
            st.execute("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO " + role);
        }
        try (JdbcStores stores = JdbcStores.open(new DatabaseSettings(url, role, "secret", 4))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !stores.upkeepRuns());
            assertThat(stores.isHealthy()).isTrue();
            assertThat(stores.users().findByUsername("nobody")).isEmpty();
        }
    }

    private static String reloptions(Connection sql, String index) throws SQLException {
        try (PreparedStatement st = sql.prepareStatement("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = ?")) {
            st.setString(1, index);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long pendingTuples(Connection sql, String index) throws SQLException {
        try (PreparedStatement st = sql.prepareStatement("SELECT pending_tuples FROM pgstatginindex(?::regclass)")) {
            st.setString(1, index);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
