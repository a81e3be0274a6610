package dev.parley.store;

import dev.parley.core.error.ParleyException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

/**
 * Turns integrity violations reported by the database into domain errors: a violated unique key
 * becomes CONFLICT (naming which key), a missing referenced row becomes a 400. The key is found
 * by its index name (PostgreSQL names it; SQLite names expression indexes) or its columns (SQLite
 * names the columns of other keys). A pool with no free connection in time (overload) becomes
 * UNAVAILABLE (503), which clients retry with the same client message id. Anything else is
 * rethrown as it is.
 */
final class SqlErrors {
    private record Key(String indexName, String columns, String message) {
    }

    private static final List<Key> KEYS = List.of(
            new Key("users_username_key", "users.username", "The username is taken"),
            new Key("users_external_id_key", "users.external_id", "The external id already belongs to a user"),
            new Key("sessions_refresh_token_hash_key", "sessions.refresh_token_hash", "The refresh token is already in use"),
            new Key("conversations_course_id_key", "conversations.course_id", "The course already has a conversation"),
            new Key("conversations_direct_key_key", "conversations.direct_key", "The direct conversation already exists"),
            new Key("conversation_members_pkey", "conversation_members.", "The user is already a member"),
            new Key("messages_client_message_key", "messages_client_message_key",
                    "A message with this client message id already exists"),
            new Key("messages_conversation_seq_key", "messages.conversation_id, messages.seq",
                    "The conversation seq is already taken"),
            new Key("events_pkey", "events.", "The conversation seq already has an event"),
            new Key("user_blocks_pkey", "user_blocks.", "The user is already blocked"));

    private SqlErrors() {
    }

    static RuntimeException translate(Dialect dialect, RuntimeException e) {
        SQLException sql = sqlCause(e);
        if (sql == null) return e;
        if (sql instanceof SQLTransientConnectionException) {
            return ParleyException.unavailable("The database has no free connection now; retry shortly");
        }
        return switch (dialect.violation(sql)) {
            case UNIQUE -> ParleyException.conflict(conflictMessage(sql.getMessage()));
            case FOREIGN_KEY -> ParleyException.invalid("id",
                    "refers to a conversation, user or message that does not exist");
            case NONE -> e;
        };
    }

    static String conflictMessage(String databaseMessage) {
        String text = databaseMessage == null ? "" : databaseMessage;
        for (Key key : KEYS) {
            if (text.contains(key.indexName()) || text.contains(key.columns())) return key.message();
        }
        return "The record already exists";
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) return sql;
        }
        return null;
    }
}
