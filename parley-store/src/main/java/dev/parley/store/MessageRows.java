package dev.parley.store;

import dev.parley.core.message.Message;
import dev.parley.core.message.MessageType;
import dev.parley.core.message.StoredMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The columns of a message row (table alias {@code m}) and the row mappers. A message's mentions
 * are kept on its row as a JSON array ({@code mention_ids}, beside the {@code message_mentions}
 * rows that unread counts use), so a page of messages is one query without sub-selects. The row
 * also counts the message's reactions and says whether it is pinned ({@link StoredMessage}).
 *
 * <p>The mappers read by column position: every query that uses them starts its select list with
 * {@link #COLUMNS}. (Looking a column up by name is a map lookup per value, and a page reads a
 * thousand values.) Most messages are plain: no attachments, mentions, reply, thread, forward,
 * edit, deletion, reactions or pin. The select list says so in one computed column, and the
 * mapper then reads the eight columns that every message has and none of the fifteen others:
 * each value read is a call into the driver, and on SQLite a call into native code.
 */
final class MessageRows {
    private static final String PLAIN = "CASE WHEN m.code_language IS NULL AND m.attachments = '[]'"
            + " AND m.reply_to_id IS NULL AND m.thread_root_id IS NULL AND NOT m.mentions_all"
            + " AND m.forwarded_from IS NULL AND m.edited_at IS NULL AND m.deleted_at IS NULL AND m.deleted_by IS NULL"
            + " AND m.thread_reply_count = 0 AND m.thread_last_reply_at IS NULL AND m.thread_participants = '[]'"
            + " AND m.mention_ids = '[]' AND m.reaction_count = 0 AND NOT m.pinned THEN 1 ELSE 0 END";

    /** Every message's columns (1-8), whether it is plain (9), then the columns a plain message leaves at their defaults. */
    static final String COLUMNS = "m.id, m.conversation_id, m.seq, m.sender_id, m.client_message_id, m.type, m.text, "
            + "m.created_at, " + PLAIN + ", "
            + "m.code_language, m.attachments, m.reply_to_id, m.thread_root_id, m.mentions_all, m.forwarded_from, "
            + "m.edited_at, m.deleted_at, m.deleted_by, m.thread_reply_count, m.thread_last_reply_at, "
            + "m.thread_participants, m.mention_ids, m.reaction_count, m.pinned";

    private MessageRows() {
    }

    static Message message(ResultSet rs) throws SQLException {
        return message(rs, isPlain(rs));
    }

    /** The message with its pin flag and whether it has reactions. */
    static StoredMessage stored(ResultSet rs) throws SQLException {
        boolean plain = isPlain(rs);
        Message message = message(rs, plain);
        if (plain) return new StoredMessage(message, false, false);
        return new StoredMessage(message, rs.getBoolean(24), rs.getInt(23) > 0);
    }

    private static Message message(ResultSet rs, boolean plain) throws SQLException {
        String id = Rows.text(rs, 1);
        String conversationId = Rows.text(rs, 2);
        long seq = rs.getLong(3);
        String senderId = Rows.text(rs, 4);
        String clientMessageId = Rows.text(rs, 5);
        MessageType type = MessageType.fromWire(Rows.text(rs, 6));
        String text = Rows.text(rs, 7);
        Instant createdAt = Rows.instant(rs, 8);
        if (plain) {
            return new Message(id, conversationId, seq, senderId, clientMessageId, type, text, null, List.of(), null,
                    null, List.of(), false, null, createdAt, null, null, null, Message.ThreadStats.NONE);
        }
        return new Message(id, conversationId, seq, senderId, clientMessageId, type, text,
                Rows.text(rs, 10),
                JsonCodec.attachments(Rows.text(rs, 11)),
                Rows.text(rs, 12),
                Rows.text(rs, 13),
                JsonCodec.strings(Rows.text(rs, 22)),
                rs.getBoolean(14),
                JsonCodec.forwarded(Rows.text(rs, 15)),
                createdAt,
                Rows.instant(rs, 16),
                Rows.instant(rs, 17),
                Rows.text(rs, 18),
                threadStats(rs.getInt(19), Rows.instant(rs, 20), Rows.text(rs, 21)));
    }

    private static boolean isPlain(ResultSet rs) throws SQLException {
        return rs.getInt(9) == 1;
    }

    /** Most messages are no thread root: they share one empty statistics record. */
    private static Message.ThreadStats threadStats(int replies, Instant lastReplyAt, String participants) {
        if (replies == 0 && lastReplyAt == null && JsonCodec.isEmptyArray(participants)) return Message.ThreadStats.NONE;
        return new Message.ThreadStats(replies, lastReplyAt, JsonCodec.strings(participants));
    }
}
