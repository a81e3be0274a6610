-- Full-text search over messages.text (see SqliteMessageSearch).
-- Two external-content FTS5 indexes keyed by messages.rowid (the INTEGER PRIMARY KEY row_no, which
-- VACUUM keeps); they store no copy of the text, which they read from messages when needed.
-- Words: Unicode-aware tokens with accents folded ("cafe" finds "café").
CREATE VIRTUAL TABLE messages_search_words USING fts5(
    text,
    content = 'messages',
    content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Trigrams: substrings of three or more characters, for scripts without spaces (Chinese,
-- Japanese) and parts of words ("freund" in "Freundschaftsanfrage"); case and accents folded.
CREATE VIRTUAL TABLE messages_search_trigrams USING fts5(
    text,
    content = 'messages',
    content_rowid = 'rowid',
    tokenize = 'trigram case_sensitive 0 remove_diacritics 1'
);

-- Index what already exists. Only live text is indexed: a deleted message has text NULL.
INSERT INTO messages_search_words (rowid, text) SELECT rowid, text FROM messages WHERE text IS NOT NULL;
INSERT INTO messages_search_trigrams (rowid, text) SELECT rowid, text FROM messages WHERE text IS NOT NULL;

-- Keep both indexes in step with messages. An external-content index must be told the exact
-- old text to remove it, so every change of text removes the old entry and adds the new one.
CREATE TRIGGER messages_search_after_insert AFTER INSERT ON messages
WHEN new.text IS NOT NULL
BEGIN
    INSERT INTO messages_search_words (rowid, text) VALUES (new.rowid, new.text);
    INSERT INTO messages_search_trigrams (rowid, text) VALUES (new.rowid, new.text);
END;

CREATE TRIGGER messages_search_after_update AFTER UPDATE OF text ON messages
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

CREATE TRIGGER messages_search_after_delete AFTER DELETE ON messages
WHEN old.text IS NOT NULL
BEGIN
    INSERT INTO messages_search_words (messages_search_words, rowid, text) VALUES ('delete', old.rowid, old.text);
    INSERT INTO messages_search_trigrams (messages_search_trigrams, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
