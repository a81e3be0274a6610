package dev.parley.store;

import dev.parley.core.message.Message;
import dev.parley.core.message.MessageType;
import dev.parley.core.message.StoredMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The columns of a message row (table alias {@code m}) and the row mappers. A message's mentions
 * are kept on its row as a JSON array ({@code mention_ids}, beside the {@code message_mentions}
 * rows that unread counts use), so a page of messages is one plain query. The row also counts the
 * message's reactions and says whether it is pinned ({@link StoredMessage}).
 *
 * <p>The mappers read by column position: every query that uses them starts its select list with
 * {@link #COLUMNS}. (Looking a column up by name is a map lookup per value, and a page reads a
 * thousand values.)
 */
final class MessageRows {
    static final String COLUMNS = "m.id, m.conversation_id, m.seq, m.sender_id, m.client_message_id, m.type, m.text, "
            + "m.code_language, m.attachments, m.reply_to_id, m.thread_root_id, m.mentions_all, m.forwarded_from, "
            + "m.created_at, m.edited_at, m.deleted_at, m.deleted_by, m.thread_reply_count, "
            + "m.thread_last_reply_at, m.thread_participants, m.mention_ids, m.reaction_count, m.pinned";

    private MessageRows() {
    }

    static Message message(ResultSet rs) throws SQLException {
        Message.ThreadStats thread = threadStats(rs.getInt(18), Rows.instant(rs, 19), rs.getString(20));
        return new Message(
                rs.getString(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                MessageType.fromWire(rs.getString(6)),
                rs.getString(7),
                rs.getString(8),
                JsonCodec.attachments(rs.getString(9)),
                rs.getString(10),
                rs.getString(11),
                JsonCodec.strings(rs.getString(21)),
                rs.getBoolean(12),
                JsonCodec.forwarded(rs.getString(13)),
                Rows.instant(rs, 14),
                Rows.instant(rs, 15),
                Rows.instant(rs, 16),
                rs.getString(17),
                thread);
    }

    /** The message with its pin flag and whether it has reactions. */
    static StoredMessage stored(ResultSet rs) throws SQLException {
        return new StoredMessage(message(rs), rs.getBoolean(23), rs.getInt(22) > 0);
    }

    /** Most messages are no thread root: they share one empty statistics record. */
    private static Message.ThreadStats threadStats(int replies, Instant lastReplyAt, String participants) {
        if (replies == 0 && lastReplyAt == null && JsonCodec.isEmptyArray(participants)) return Message.ThreadStats.NONE;
        return new Message.ThreadStats(replies, lastReplyAt, JsonCodec.strings(participants));
    }
}
