package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.core.conversation.Conversation;
import dev.parley.core.message.Message;
import dev.parley.core.search.SearchHit;
import dev.parley.core.search.SearchQuery;
import dev.parley.core.user.User;
import dev.parley.store.search.SearchParts;
import dev.parley.store.search.SqliteSearchIndex;
import dev.parley.testkit.StoreFixture;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * Group commit on SQLite ({@link GroupCommitCases}), and what the full-text index does with a
 * batch's messages.
 */
class GroupCommitTest extends GroupCommitCases {
    @Override
    StoreFixture openStore() {
        return SqliteStoreFixture.create();
    }

    @Test
    void messagesEditedOrDeletedInTheTransactionThatInsertedThemAreIndexedAsTheyEnd() throws Exception {
        User alice = data.user("alice");
        Conversation team = data.group("Team", alice);
        Future<?> blocker = occupyTheWriter(KEY);
        Future<Message> edited = queue(() -> {
            Message m = data.message(team, alice, "draft about apples");
            store().messages().edit(m.id(), "final about oranges", List.of(), false, Instant.EPOCH, null);
            return m;
        }, 1);
        Future<Message> deleted = queue(() -> {
            Message m = data.message(team, alice, "secret about apples");
            store().messages().markDeleted(m.id(), alice.id(), Instant.EPOCH);
            return m;
        }, 2);
        Future<Object> rolledBack = queue(() -> {
            data.message(team, alice, "rolled back apples");
            throw new IllegalStateException("refused");
        }, 3);
        Future<Message> kept = queue(() -> data.message(team, alice, "kept apples"), 4);
        releaseWriter.countDown();
        blocker.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(rolledBack::get).hasRootCauseInstanceOf(IllegalStateException.class);

        assertThat(search(alice, "apples")).containsExactly(kept.get().id());
        assertThat(search(alice, "oranges")).containsExactly(edited.get().id());
        assertThat(search(alice, "draft")).isEmpty();
        assertThat(deleted.get()).isNotNull();
        store().messages().edit(kept.get().id(), "kept pears", List.of(), false, Instant.EPOCH, null);
        assertThat(search(alice, "apples")).isEmpty();
        assertThat(search(alice, "pears")).containsExactly(kept.get().id());
        assertIndexesIntact();
    }

    private List<String> search(User user, String text) {
        return store().messages().search(user.id(), new SearchQuery(text, null, null, null, null, null, 0, 20)).stream()
                .map(SearchHit::message).map(Message::id).toList();
    }

    /**
     * The full-text index holds exactly the terms (with rowids, columns and positions) that
     * indexing the live texts afresh gives: nothing missing, nothing left of old or deleted texts.
     */
    private void assertIndexesIntact() {
        long differences = transactor.writing(GroupCommitTest::differencesFromAFreshIndex);
        assertThat(differences).isZero();
    }

    private record LiveText(long rowNo, String text, String conversationId) {
    }

    private static long differencesFromAFreshIndex(Handle h) {
        h.execute("CREATE VIRTUAL TABLE temp.fresh USING fts5(words, parts, conversation,"
                + " tokenize = 'unicode61 remove_diacritics 2')");
        h.createQuery("SELECT row_no, text, conversation_id FROM messages WHERE text IS NOT NULL")
                .map((rs, ctx) -> new LiveText(rs.getLong("row_no"), rs.getString("text"), rs.getString("conversation_id")))
                .list()
                .forEach(live -> h.execute("INSERT INTO temp.fresh (rowid, words, parts, conversation) VALUES (?, ?, ?, ?)",
                        live.rowNo(), SearchParts.words(live.text()), SearchParts.parts(live.text()),
                        SqliteSearchIndex.conversationToken(live.conversationId())));
        h.execute("CREATE VIRTUAL TABLE temp.kept_terms USING fts5vocab(main, messages_search, instance)");
        h.execute("CREATE VIRTUAL TABLE temp.fresh_terms USING fts5vocab(temp, fresh, instance)");
        long differences = h.createQuery("""
                SELECT (SELECT COUNT(*) FROM (SELECT term, doc, col, offset FROM temp.kept_terms
                                              EXCEPT SELECT term, doc, col, offset FROM temp.fresh_terms))
                     + (SELECT COUNT(*) FROM (SELECT term, doc, col, offset FROM temp.fresh_terms
                                              EXCEPT SELECT term, doc, col, offset FROM temp.kept_terms))""")
                .mapTo(Long.class).one();
        for (String table : List.of("kept_terms", "fresh_terms", "fresh")) h.execute("DROP TABLE temp." + table);
        return differences;
    }
}
