-- Parley schema, SQLite dialect. Times are epoch milliseconds (BIGINT); booleans are INTEGER 0/1;
-- JSON values are TEXT. PostgreSQL has the same tables in db/migration/postgresql/V1__schema.sql.

CREATE TABLE users (
    id            TEXT   NOT NULL PRIMARY KEY,
    username      TEXT   NOT NULL,                -- always lower-case
    display_name  TEXT,
    email         TEXT,
    avatar_url    TEXT,
    status_text   TEXT,
    external_id   TEXT,
    password_hash TEXT,
    search_key    TEXT   NOT NULL,                -- lower-case display name and username, for directory search
    created_at    BIGINT NOT NULL
);
CREATE UNIQUE INDEX users_username_key ON users (username);
CREATE UNIQUE INDEX users_external_id_key ON users (external_id);

CREATE TABLE sessions (
    id                 TEXT   NOT NULL PRIMARY KEY,
    user_id            TEXT   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    refresh_token_hash TEXT   NOT NULL,
    user_agent         TEXT,
    created_at         BIGINT NOT NULL,
    last_used_at       BIGINT NOT NULL,
    expires_at         BIGINT NOT NULL,
    revoked_at         BIGINT
);
CREATE UNIQUE INDEX sessions_refresh_token_hash_key ON sessions (refresh_token_hash);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE user_blocks (
    blocker_id TEXT   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    blocked_id TEXT   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id)
);

CREATE TABLE conversations (
    id               TEXT    NOT NULL PRIMARY KEY,
    kind             TEXT    NOT NULL CHECK (kind IN ('direct', 'group', 'course', 'announcement')),
    title            TEXT,
    title_key        TEXT,                        -- lower-case title, for "my conversations" filtering
    description      TEXT,
    avatar_url       TEXT,
    course_id        TEXT,
    direct_key       TEXT,
    archived         INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_by       TEXT,
    created_at       BIGINT  NOT NULL,
    last_activity_at BIGINT  NOT NULL,
    last_seq         BIGINT  NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX conversations_course_id_key ON conversations (course_id);
CREATE UNIQUE INDEX conversations_direct_key_key ON conversations (direct_key);

-- A rowid table: join order is (joined_at, rowid).
CREATE TABLE conversation_members (
    conversation_id TEXT    NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    user_id         TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role            TEXT    NOT NULL CHECK (role IN ('owner', 'admin', 'moderator', 'member')),
    joined_at       BIGINT  NOT NULL,
    read_seq        BIGINT  NOT NULL DEFAULT 0,
    delivered_seq   BIGINT  NOT NULL DEFAULT 0,
    muted           INTEGER NOT NULL DEFAULT 0 CHECK (muted IN (0, 1)),
    muted_until     BIGINT,
    pinned          INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
    hidden          INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    PRIMARY KEY (conversation_id, user_id)
);
CREATE INDEX conversation_members_user_idx ON conversation_members (user_id);

-- A rowid table whose rowid is the explicit INTEGER PRIMARY KEY row_no, so that VACUUM keeps it:
-- the full-text index (V2) refers to messages.rowid.
CREATE TABLE messages (
    row_no               INTEGER PRIMARY KEY,
    id                   TEXT    NOT NULL CONSTRAINT messages_id_key UNIQUE,
    conversation_id      TEXT    NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    seq                  BIGINT  NOT NULL,
    sender_id            TEXT,                    -- NULL for platform messages
    client_message_id    TEXT    NOT NULL,
    type                 TEXT    NOT NULL CHECK (type IN ('text', 'code', 'image', 'file', 'voice', 'system')),
    text                 TEXT,
    code_language        TEXT,
    attachments          TEXT    NOT NULL DEFAULT '[]',
    reply_to_id          TEXT,
    thread_root_id       TEXT,
    mentions_all         INTEGER NOT NULL DEFAULT 0 CHECK (mentions_all IN (0, 1)),
    forwarded_from       TEXT,
    created_at           BIGINT  NOT NULL,
    edited_at            BIGINT,
    deleted_at           BIGINT,
    deleted_by           TEXT,
    thread_reply_count   INTEGER NOT NULL DEFAULT 0,
    thread_last_reply_at BIGINT,
    thread_participants  TEXT    NOT NULL DEFAULT '[]'
);
CREATE UNIQUE INDEX messages_conversation_seq_key ON messages (conversation_id, seq);
CREATE UNIQUE INDEX messages_client_message_key ON messages (conversation_id, COALESCE(sender_id, ''), client_message_id);
CREATE INDEX messages_thread_idx ON messages (thread_root_id, seq);

CREATE TABLE message_mentions (
    message_id      TEXT    NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    conversation_id TEXT    NOT NULL,
    seq             BIGINT  NOT NULL,
    user_id         TEXT    NOT NULL,
    position        INTEGER NOT NULL,             -- order of the mention in the message
    PRIMARY KEY (message_id, user_id)
);
CREATE INDEX message_mentions_user_idx ON message_mentions (conversation_id, user_id, seq);

CREATE TABLE message_edits (
    id            INTEGER PRIMARY KEY,
    message_id    TEXT   NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    previous_text TEXT,
    replaced_at   BIGINT NOT NULL
);
CREATE INDEX message_edits_message_idx ON message_edits (message_id, id);

-- A rowid table: reactions of one time are ordered by rowid.
CREATE TABLE message_reactions (
    message_id TEXT   NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    user_id    TEXT   NOT NULL,
    emoji      TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (message_id, user_id, emoji)
);

CREATE TABLE message_pins (
    message_id      TEXT   NOT NULL PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
    conversation_id TEXT   NOT NULL,
    pinned_by       TEXT,
    pinned_at       BIGINT NOT NULL
);
CREATE INDEX message_pins_conversation_idx ON message_pins (conversation_id, pinned_at);

CREATE TABLE events (
    conversation_id TEXT   NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    seq             BIGINT NOT NULL,
    type            TEXT   NOT NULL,
    payload         TEXT   NOT NULL,
    created_at      BIGINT NOT NULL,
    PRIMARY KEY (conversation_id, seq)
);
