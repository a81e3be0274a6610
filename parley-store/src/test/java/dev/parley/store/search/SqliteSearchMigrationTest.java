package dev.parley.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.search.SearchQuery;
import dev.parley.store.JdbcStores;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database written before migration 6 (word and trigram indexes) is searchable after migrating:
 * every live message is in the new index, whether the old server had indexed it or had only noted
 * it, and nothing of a deleted one is.
 */
class SqliteSearchMigrationTest {
    @TempDir
    Path directory;

    @Test
    void migratingIndexesEveryLiveMessageOfAnExistingDatabase() {
        String url = "jdbc:sqlite:" + directory.resolve("old.db");
        JdbcStores.migrations(url).dataSource(url, null, null).target("5").load().migrate();
        Jdbi jdbi = Jdbi.create(url);
        jdbi.useTransaction(h -> {
            h.execute("INSERT INTO users (id, username, search_key, created_at) VALUES ('u-ann', 'ann', 'ann', 0)");
            h.execute("INSERT INTO users (id, username, search_key, created_at) VALUES ('u-bob', 'bob', 'bob', 0)");
            for (String conversation : List.of("c-team", "c-other")) {
                h.execute("INSERT INTO conversations (id, kind, created_at, last_activity_at) VALUES (?, 'group', 0, 0)",
                        conversation);
            }
            h.execute("INSERT INTO conversation_members (conversation_id, user_id, role, joined_at) VALUES ('c-team', 'u-ann', 'member', 0)");
            h.execute("INSERT INTO conversation_members (conversation_id, user_id, role, joined_at) VALUES ('c-other', 'u-bob', 'member', 0)");
            message(h, "m1", "c-team", 1, "Meeting notes 会议记录");
            message(h, "m2", "c-team", 2, "Ich habe deine Freundschaftsanfrage erhalten");
            message(h, "m3", "c-team", 3, "secret draft");
            message(h, "m4", "c-other", 1, "meeting of others");
            // What the store did before migration 6, just before each commit.
            String noted = " FROM messages_search_pending p CROSS JOIN messages m ON m.row_no = p.row_no WHERE m.text IS NOT NULL";
            h.execute("INSERT INTO messages_search_words (rowid, text, conversation_id) SELECT m.row_no, m.text, m.conversation_id" + noted);
            h.execute("INSERT INTO messages_search_trigrams (rowid, text) SELECT m.row_no, m.text" + noted);
            h.execute("DELETE FROM messages_search_pending");
            h.execute("UPDATE messages SET text = NULL, deleted_at = 10 WHERE id = 'm3'");
        });
        // A message the old server noted but stopped before indexing.
        jdbi.useTransaction(h -> message(h, "m5", "c-team", 4, "noted before the upgrade"));

        JdbcStores.migrations(url).dataSource(url, null, null).load().migrate();

        assertThat(ids(jdbi, "u-ann", "meeting")).containsExactly("m1");
        assertThat(ids(jdbi, "u-ann", "会议")).containsExactly("m1");
        assertThat(ids(jdbi, "u-ann", "anfrage")).containsExactly("m2");
        assertThat(ids(jdbi, "u-ann", "upgrade")).containsExactly("m5");
        assertThat(ids(jdbi, "u-ann", "secret")).isEmpty();
        assertThat(ids(jdbi, "u-bob", "meeting")).containsExactly("m4");
        int noted = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM messages_search_pending")
                .mapTo(Integer.class).one());
        assertThat(noted).isZero();
    }

    private static void message(Handle h, String id, String conversation, long seq, String text) {
        h.execute("INSERT INTO messages (id, conversation_id, seq, sender_id, client_message_id, type, text, created_at)"
                + " VALUES (?, ?, ?, 'u-ann', ?, 'text', ?, ?)", id, conversation, seq, "cm-" + id, text, seq * 1000);
    }

    private static List<String> ids(Jdbi jdbi, String user, String text) {
        return jdbi.withHandle(h -> new SqliteMessageSearch().search(h, user,
                new SearchQuery(text, null, null, null, null, null, 0, 10))).stream().map(SearchMatch::messageId).toList();
    }
}
