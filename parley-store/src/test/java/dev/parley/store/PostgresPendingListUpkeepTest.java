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
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The search indexes' GIN pending lists on PostgreSQL ({@code BackgroundUpkeep}): an insert never
 * has to merge them (their limit is far above a second of sends) and the server merges them in
 * the background. A few messages would stay in the pending lists for good without it: autovacuum
 * looks at a table only after a thousand inserts.
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
