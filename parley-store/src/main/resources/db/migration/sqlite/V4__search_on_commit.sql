-- New messages reach the full-text indexes once per write transaction instead of row by row.
-- Writing an FTS5 index row by row from a trigger made FTS5 flush its pending terms into a new
-- index segment at every later statement of the transaction; now the insert trigger only notes
-- the row in messages_search_pending, and the store indexes every noted row in one statement per
-- index just before the transaction commits (SqliteSearchIndex). A noted row is not in the
-- indexes yet, so the triggers of edits and deletions leave the indexes alone for it: its text is
-- read when it is indexed, and a deleted row is simply no longer noted.
CREATE TABLE messages_search_pending (
    row_no INTEGER PRIMARY KEY
);

DROP TRIGGER messages_search_after_insert;
CREATE TRIGGER messages_search_after_insert AFTER INSERT ON messages
WHEN new.text IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO messages_search_pending (row_no) VALUES (new.rowid);
END;

DROP TRIGGER messages_search_after_update;
CREATE TRIGGER messages_search_after_update AFTER UPDATE OF text ON messages
WHEN NOT EXISTS (SELECT 1 FROM messages_search_pending WHERE row_no = old.rowid)
BEGIN
    INSERT INTO messages_search_words (messages_search_words, rowid, text)
        SELECT 'delete', old.rowid, old.text WHERE old.text IS NOT NULL;
    INSERT INTO messages_search_trigrams (messages_search_trigrams, rowid, text)
        SELECT 'delete', old.rowid, old.text WHERE old.text IS NOT NULL;
    INSERT INTO messages_search_words (rowid, text)
        SELECT new.rowid, new.text WHERE new.text IS NOT NULL;
    INSERT INTO messages_search_trigrams (rowid, text)
        SELECT new.rowid, new.text WHERE new.text IS NOT NULL;
END;

DROP TRIGGER messages_search_after_delete;
CREATE TRIGGER messages_search_after_delete AFTER DELETE ON messages
WHEN old.text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM messages_search_pending WHERE row_no = old.rowid)
BEGIN
    INSERT INTO messages_search_words (messages_search_words, rowid, text) VALUES ('delete', old.rowid, old.text);
    INSERT INTO messages_search_trigrams (messages_search_trigrams, rowid, text) VALUES ('delete', old.rowid, old.text);
END;

CREATE TRIGGER messages_search_pending_after_delete AFTER DELETE ON messages
BEGIN
    DELETE FROM messages_search_pending WHERE row_no = old.rowid;
END;
