package dev.parley.store;

import dev.parley.core.message.Message;
import dev.parley.core.message.MessageType;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The columns of a message row (table alias {@code m}) with its mentions gathered into a JSON
 * array by a correlated sub-select, so a page of messages is one query; and the row mapper.
 */
final class MessageRows {
    private final String columns;

    MessageRows(Dialect dialect) {
        this.columns = "m.id, m.conversation_id, m.seq, m.sender_id, m.client_message_id, m.type, m.text, "
                + "m.code_language, m.attachments, m.reply_to_id, m.thread_root_id, m.mentions_all, m.forwarded_from, "
                + "m.created_at, m.edited_at, m.deleted_at, m.deleted_by, m.thread_reply_count, "
                + "m.thread_last_reply_at, m.thread_participants, "
                + "(SELECT " + dialect.jsonArray("mm.user_id", "mm.position")
                + " FROM message_mentions mm WHERE mm.message_id = m.id) AS mention_ids";
    }

    /** The select list for a message row aliased {@code m}. */
    String columns() {
        return columns;
    }

    static Message message(ResultSet rs) throws SQLException {
        Message.ThreadStats thread = new Message.ThreadStats(rs.getInt("thread_reply_count"),
                Rows.instant(rs, "thread_last_reply_at"), JsonCodec.strings(rs.getString("thread_participants")));
        return new Message(
                rs.getString("id"),
                rs.getString("conversation_id"),
                rs.getLong("seq"),
                rs.getString("sender_id"),
                rs.getString("client_message_id"),
                MessageType.fromWire(rs.getString("type")),
                rs.getString("text"),
                rs.getString("code_language"),
                JsonCodec.attachments(rs.getString("attachments")),
                rs.getString("reply_to_id"),
                rs.getString("thread_root_id"),
                JsonCodec.strings(rs.getString("mention_ids")),
                rs.getBoolean("mentions_all"),
                JsonCodec.forwarded(rs.getString("forwarded_from")),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "edited_at"),
                Rows.instant(rs, "deleted_at"),
                rs.getString("deleted_by"),
                thread);
    }
}
