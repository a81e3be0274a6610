-- One contentless FTS5 index replaces the word index (V5) and the trigram index (V2), so that every
-- source of a search can be limited to the caller's conversations inside FTS5 and read newest
-- first, stopping at the end of the page (see SqliteMessageSearch and docs/adr/0005). Per message it
-- holds three columns, all computed in Java by SearchParts and SqliteSearchIndex:
--   words        the text, without the characters of scripts written without spaces
--   parts        3-character windows of words, 2-character windows (and the last character) of
--                Chinese, Japanese and other unspaced runs: finds parts of words and two-character
--                Chinese words, which trigrams could not
--   conversation one token per conversation
-- Contentless with contentless_delete: a row is removed by its rowid alone, so the triggers need
-- no copy of what was indexed.
DROP TRIGGER messages_search_after_update;
DROP TRIGGER messages_search_after_delete;
DROP TABLE messages_search_words;
DROP TABLE messages_search_trigrams;

CREATE VIRTUAL TABLE messages_search USING fts5(
    words,
    parts,
    conversation,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Every live text is noted for indexing; V7 indexes the noted rows (and so does the next write
-- transaction of the server, if V7 has not run).
INSERT OR IGNORE INTO messages_search_pending (row_no) SELECT row_no FROM messages WHERE text IS NOT NULL;

-- An edit takes the row out of the index and notes it; the store indexes its new text before the
-- transaction commits. A noted row is not in the index yet, so it is left alone: its final text is
-- read when it is indexed.
CREATE TRIGGER messages_search_after_update AFTER UPDATE OF text ON messages
WHEN NOT EXISTS (SELECT 1 FROM messages_search_pending WHERE row_no = old.rowid)
BEGIN
    DELETE FROM messages_search WHERE rowid = old.rowid AND old.text IS NOT NULL;
    INSERT INTO messages_search_pending (row_no) SELECT new.rowid WHERE new.text IS NOT NULL;
END;

CREATE TRIGGER messages_search_after_delete AFTER DELETE ON messages
WHEN old.text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM messages_search_pending WHERE row_no = old.rowid)
BEGIN
    DELETE FROM messages_search WHERE rowid = old.rowid;
END;
