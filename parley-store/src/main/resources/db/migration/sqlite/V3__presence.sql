-- Presence: the one persisted piece is when each user was last seen connected (epoch milliseconds).
-- Typing and presence themselves are ephemeral and never stored (see docs/protocol.md).
ALTER TABLE users ADD COLUMN last_seen_at BIGINT;
