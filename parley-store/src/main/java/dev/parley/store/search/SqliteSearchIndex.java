package dev.parley.store.search;

import org.jdbi.v3.core.Handle;

/**
 * Brings new messages into SQLite's two full-text indexes (migrations {@code sqlite/V4} and
 * {@code V5}; the word index also holds each message's conversation id): the
 * insert trigger notes each new row in {@code messages_search_pending}; {@link #indexPending},
 * run once per write transaction just before it commits, indexes every noted row with one
 * statement per index and forgets them. One statement per transaction writes one FTS5 segment,
 * where a row-by-row trigger made FTS5 flush a segment at every later statement. The triggers of
 * edits and deletions skip noted rows, so the indexes never hold text the table does not. Stateless.
 */
public final class SqliteSearchIndex {
    /** The key of the before-commit work in a transaction. */
    public static final String KEY = "sqlite-search-index";
    private static final String NOTED_LIVE_MESSAGES =
            " FROM messages_search_pending p CROSS JOIN messages m ON m.row_no = p.row_no WHERE m.text IS NOT NULL";

    private SqliteSearchIndex() {
    }

    /**
     * Indexes the live text of every noted message and clears the notes. CROSS JOIN keeps the
     * short list of notes as the outer loop: without statistics SQLite would scan every message.
     */
    public static Void indexPending(Handle handle) {
        handle.execute("INSERT INTO messages_search_words (rowid, text, conversation_id)"
                + " SELECT m.row_no, m.text, m.conversation_id" + NOTED_LIVE_MESSAGES);
        handle.execute("INSERT INTO messages_search_trigrams (rowid, text) SELECT m.row_no, m.text" + NOTED_LIVE_MESSAGES);
        handle.execute("DELETE FROM messages_search_pending");
        return null;
    }
}
