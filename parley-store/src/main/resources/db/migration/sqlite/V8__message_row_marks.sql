-- A page of history reads a message's mentions, its pin flag and whether it has reactions from the
-- message's own row, instead of a sub-select per row and two more queries per page. The rows of
-- message_mentions, message_reactions and message_pins stay what they were (unread and mention
-- counts, the reaction groups, the pinned list read them); the store changes a row's copy in the
-- same transaction as those rows. PostgreSQL has the same columns in its V4.
ALTER TABLE messages ADD COLUMN mention_ids TEXT NOT NULL DEFAULT '[]';    -- JSON array, in mention order
ALTER TABLE messages ADD COLUMN reaction_count INTEGER NOT NULL DEFAULT 0; -- rows in message_reactions
ALTER TABLE messages ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1));

UPDATE messages
SET mention_ids = (SELECT json_group_array(mm.user_id ORDER BY mm.position)
                   FROM message_mentions mm WHERE mm.message_id = messages.id)
WHERE id IN (SELECT message_id FROM message_mentions);

UPDATE messages
SET reaction_count = (SELECT COUNT(*) FROM message_reactions r WHERE r.message_id = messages.id)
WHERE id IN (SELECT message_id FROM message_reactions);

UPDATE messages SET pinned = 1 WHERE id IN (SELECT message_id FROM message_pins);
