-- The word index also indexes each message's conversation id, so a search can ask FTS5 for the
-- caller's conversations only ("text : (...) AND conversation_id : (...)") instead of ranking
-- every match of the whole store and dropping the foreign ones afterwards.
DROP TRIGGER messages_search_after_update;
DROP TRIGGER messages_search_after_delete;
DROP TABLE messages_search_words;

CREATE VIRTUAL TABLE messages_search_words USING fts5(
    text,
    conversation_id,
    content = 'messages',
    content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
-- Every live text that is not waiting in messages_search_pending is indexed again.
INSERT INTO messages_search_words (rowid, text, conversation_id)
    SELECT rowid, text, conversation_id FROM messages
    WHERE text IS NOT NULL AND rowid NOT IN (SELECT row_no FROM messages_search_pending);

CREATE TRIGGER messages_search_after_update AFTER UPDATE OF text ON messages
WHEN NOT EXISTS (SELECT 1 FROM messages_search_pending WHERE row_no = old.rowid)
BEGIN
    INSERT INTO messages_search_words (messages_search_words, rowid, text, conversation_id)
        SELECT 'delete', old.rowid, old.text, old.conversation_id WHERE old.text IS NOT NULL;
    INSERT INTO messages_search_trigrams (messages_search_trigrams, rowid, text)
        SELECT 'delete', old.rowid, old.text WHERE old.text IS NOT NULL;
    INSERT INTO messages_search_words (rowid, text, conversation_id)
        SELECT new.rowid, new.text, new.conversation_id WHERE new.text IS NOT NULL;
    INSERT INTO messages_search_trigrams (rowid, text)
        SELECT new.rowid, new.text WHERE new.text IS NOT NULL;
END;

CREATE TRIGGER messages_search_after_delete AFTER DELETE ON messages
WHEN old.text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM messages_search_pending WHERE row_no = old.rowid)
BEGIN
    INSERT INTO messages_search_words (messages_search_words, rowid, text, conversation_id)
        VALUES ('delete', old.rowid, old.text, old.conversation_id);
    INSERT INTO messages_search_trigrams (messages_search_trigrams, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
