package dev.parley.store.search;

import org.jdbi.v3.core.Handle;

/**
 * Brings new messages into SQLite's two full-text indexes (migration {@code sqlite/V4}): the
 * insert trigger notes each new row in {@code messages_search_pending}; {@link #indexPending},
 * run once per write transaction just before it commits, indexes every noted row with one
 * statement per index and forgets them. One statement per transaction writes one FTS5 segment,
 * where a row-by-row trigger made FTS5 flush a segment at every later statement. The triggers of
 * edits and deletions skip noted rows, so the indexes never hold text the table does not. Stateless.
 */
public final class SqliteSearchIndex {
    /** The key of the before-commit work in a transaction. */
    public static final String KEY = "sqlite-search-index";

    private SqliteSearchIndex() {
    }

    /**
     * Indexes the live text of every noted message and clears the notes. CROSS JOIN keeps the
     * short list of notes as the outer loop: without statistics SQLite would scan every message.
     */
    public static Void indexPending(Handle handle) {
        for (String index : new String[]{"messages_search_words", "messages_search_trigrams"}) {
            handle.execute("INSERT INTO " + index + " (rowid, text)"
                    + " SELECT m.row_no, m.text FROM messages_search_pending p CROSS JOIN messages m ON m.row_no = p.row_no"
                    + " WHERE m.text IS NOT NULL");
        }
        handle.execute("DELETE FROM messages_search_pending");
        return null;
    }
}
