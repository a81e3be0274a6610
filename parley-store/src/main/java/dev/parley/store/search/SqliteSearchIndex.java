package dev.parley.store.search;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Keeps SQLite's full-text index {@code messages_search} (migration {@code sqlite/V6}) in step with
 * {@code messages}. The index is contentless: it holds what {@link SearchParts} makes of each live
 * text, which only Java computes. Triggers note every new or edited row in
 * {@code messages_search_pending} (and take an edited or deleted row out of the index at once);
 * {@link #indexPending}, run once per write transaction just before it commits, indexes every
 * noted row with one statement and forgets them. One statement per transaction writes one FTS5
 * segment, where a row-by-row trigger made FTS5 flush a segment at every later statement. A noted
 * row is in the index only once it is indexed, so the index never holds text the table does not.
 * Stateless.
 */
public final class SqliteSearchIndex {
    /** The key of the before-commit work in a transaction. */
    public static final String KEY = "sqlite-search-index";
    /** Noted rows read and indexed at a time (a migration may note every message of the store). */
    private static final int CHUNK = 2_000;
    private static final String NOTED_LIVE_MESSAGES = "SELECT m.row_no AS row_no, m.text AS text,"
            + " m.conversation_id AS conversation_id FROM messages_search_pending p"
            + " CROSS JOIN messages m ON m.row_no = p.row_no"
            + " WHERE p.row_no > :after AND m.text IS NOT NULL ORDER BY p.row_no LIMIT " + CHUNK;

    private SqliteSearchIndex() {
    }

    private record Noted(long rowNo, String text, String conversationId) {
    }

    /**
     * Indexes the live text of every noted message and clears the notes. CROSS JOIN keeps the
     * short list of notes as the outer loop: without statistics SQLite would scan every message.
     */
    public static Void indexPending(Handle handle) {
        long after = -1;
        List<Noted> noted;
        do {
            noted = handle.createQuery(NOTED_LIVE_MESSAGES)
                    .bind("after", after)
                    .map((rs, ctx) -> new Noted(rs.getLong("row_no"), rs.getString("text"), rs.getString("conversation_id")))
                    .list();
            if (!noted.isEmpty()) {
                PreparedBatch insert = handle.prepareBatch(
                        "INSERT INTO messages_search (rowid, words, parts, conversation) VALUES (:row, :words, :parts, :conversation)");
                for (Noted row : noted) {
                    insert.bind("row", row.rowNo())
                            .bind("words", SearchParts.words(row.text()))
                            .bind("parts", SearchParts.parts(row.text()))
                            .bind("conversation", conversationToken(row.conversationId()))
                            .add();
                }
                insert.execute();
                after = noted.getLast().rowNo();
            }
        } while (noted.size() == CHUNK);
        handle.execute("DELETE FROM messages_search_pending");
        return null;
    }

    /**
     * A conversation id as one token of the index's conversation column: "c" and the hex digits
     * of its UTF-8 bytes, which the tokenizer keeps whole, so no two conversations share a token.
     */
    public static String conversationToken(String conversationId) {
        return "c" + HexFormat.of().formatHex(conversationId.getBytes(StandardCharsets.UTF_8));
    }
}
