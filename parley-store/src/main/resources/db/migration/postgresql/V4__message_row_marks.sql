-- A page of history reads a message's mentions, its pin flag and whether it has reactions from the
-- message's own row, instead of a sub-select per row and two more queries per page. The rows of
-- message_mentions, message_reactions and message_pins stay what they were (unread and mention
-- counts, the reaction groups, the pinned list read them); the store changes a row's copy in the
-- same transaction as those rows. SQLite has the same columns in its V8.
ALTER TABLE messages
    ADD COLUMN mention_ids    TEXT    NOT NULL DEFAULT '[]',  -- JSON array, in mention order
    ADD COLUMN reaction_count INTEGER NOT NULL DEFAULT 0,     -- rows in message_reactions
    ADD COLUMN pinned         BOOLEAN NOT NULL DEFAULT FALSE;

UPDATE messages m
SET mention_ids = (SELECT json_agg(mm.user_id ORDER BY mm.position)::text
                   FROM message_mentions mm WHERE mm.message_id = m.id)
WHERE m.id IN (SELECT message_id FROM message_mentions);

UPDATE messages m
SET reaction_count = (SELECT COUNT(*) FROM message_reactions r WHERE r.message_id = m.id)
WHERE m.id IN (SELECT message_id FROM message_reactions);

UPDATE messages SET pinned = TRUE WHERE id IN (SELECT message_id FROM message_pins);
