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
        Message.ThreadStats thread = threadStats(rs.getInt(18), Rows.instant(rs, 19), Rows.text(rs, 20));
        return new Message(
                Rows.text(rs, 1),
                Rows.text(rs, 2),
                rs.getLong(3),
                Rows.text(rs, 4),
                Rows.text(rs, 5),
                MessageType.fromWire(Rows.text(rs, 6)),
                Rows.text(rs, 7),
                Rows.text(rs, 8),
                JsonCodec.attachments(Rows.text(rs, 9)),
                Rows.text(rs, 10),
                Rows.text(rs, 11),
                JsonCodec.strings(Rows.text(rs, 21)),
                rs.getBoolean(12),
                JsonCodec.forwarded(Rows.text(rs, 13)),
                Rows.instant(rs, 14),
                Rows.instant(rs, 15),
                Rows.instant(rs, 16),
                Rows.text(rs, 17),
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
