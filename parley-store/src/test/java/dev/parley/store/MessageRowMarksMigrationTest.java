package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.message.StoredMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The message-row-marks migration (SQLite V8, PostgreSQL V4) fills the copies that message rows
 * keep (mention list, reaction count, pin flag) from the mentions, reactions and pins a database
 * already holds, on both dialects.
 */
class MessageRowMarksMigrationTest {

    @TempDir
    Path temp;

    @Test
    void sqliteRowsLearnTheirMentionsReactionsAndPins() throws SQLException {
        checkBackfill("jdbc:sqlite:" + temp.resolve("old.db"), null);
    }

    @Test
    void postgresqlRowsLearnTheirMentionsReactionsAndPins() throws SQLException {
        checkBackfill(EmbeddedPostgresHolder.newDatabase(), "postgres");
    }

    private static void checkBackfill(String url, String user) throws SQLException {
        Dialect dialect = Dialect.of(url);
        migrateToJustBeforeTheMarks(url, user, dialect);
        try (Connection connection = DriverManager.getConnection(url, user, null);
             Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO conversations (id, kind, created_at, last_activity_at, last_seq) "
                    + "VALUES ('c_1', 'group', 0, 0, 4)");
            for (int seq = 1; seq <= 4; seq++) {
                sql.execute("INSERT INTO messages (id, conversation_id, seq, sender_id, client_message_id, type, text, created_at) "
                        + "VALUES ('m_" + seq + "', 'c_1', " + seq + ", 'u_a', 'cm-" + seq + "', 'text', 'text " + seq + "', " + seq + ")");
            }
            sql.execute("INSERT INTO message_mentions (message_id, conversation_id, seq, user_id, position) "
                    + "VALUES ('m_1', 'c_1', 1, 'u_c', 1), ('m_1', 'c_1', 1, 'u_b', 0)");
            sql.execute("INSERT INTO message_reactions (message_id, user_id, emoji, created_at) "
                    + "VALUES ('m_2', 'u_b', 'x', 1), ('m_2', 'u_c', 'x', 2), ('m_3', 'u_b', 'y', 3)");
            sql.execute("INSERT INTO message_pins (message_id, conversation_id, pinned_by, pinned_at) VALUES ('m_3', 'c_1', 'u_a', 4)");
        }

        try (JdbcStores stores = JdbcStores.open(new DatabaseSettings(url, user, null, 2))) {
            stores.migrate();
            List<StoredMessage> page = stores.messages().page("c_1", null, null, null, 10);

            assertThat(page).extracting(s -> s.message().id() + " " + s.message().mentions() + " pinned=" + s.pinned()
                    + " reactions=" + s.hasReactions()).containsExactly(
                    "m_1 [u_b, u_c] pinned=false reactions=false",
                    "m_2 [] pinned=false reactions=true",
                    "m_3 [] pinned=true reactions=true",
                    "m_4 [] pinned=false reactions=false");
            stores.messages().removeReaction("m_2", "u_b", "x");
            stores.messages().removeReaction("m_3", "u_b", "y");
            assertThat(stores.messages().page("c_1", null, null, null, 10)).extracting(StoredMessage::hasReactions)
                    .as("the counts were the numbers of reactions").containsExactly(false, true, false, false);
        }
    }

    /** Applies every migration before the one that adds the marks, whatever their numbers. */
    private static void migrateToJustBeforeTheMarks(String url, String user, Dialect dialect) {
        Flyway all = Flyway.configure().dataSource(url, user, null).locations(dialect.migrations()).load();
        MigrationVersion marks = java.util.Arrays.stream(all.info().all())
                .filter(info -> info.getDescription().equals("message row marks")).findFirst().orElseThrow().getVersion();
        MigrationVersion before = null;
        for (MigrationInfo info : all.info().all()) {
            MigrationVersion version = info.getVersion();
            if (version.compareTo(marks) < 0 && (before == null || version.compareTo(before) > 0)) before = version;
        }
        Flyway.configure().dataSource(url, user, null).locations(dialect.migrations()).target(before).load().migrate();
    }
}
