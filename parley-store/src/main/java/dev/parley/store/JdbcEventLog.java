package dev.parley.store;

import dev.parley.core.event.ChatEvent;
import dev.parley.core.port.EventLog;
import java.util.List;

/**
 * The event log in the {@code events} table: one row per (conversation, seq), the event as JSON.
 * An appended event is written just before its transaction commits, together with the others of
 * that transaction ({@link JdbcTransactor#defer}): a group-commit batch writes all its events with
 * one statement.
 */
final class JdbcEventLog implements EventLog {
    private static final String INSERT = """
            INSERT INTO events (conversation_id, seq, type, payload, created_at)
            VALUES (?, ?, ?, ?, ?)""";

    private final JdbcTransactor tx;

    JdbcEventLog(JdbcTransactor tx) {
        this.tx = tx;
    }

    @Override
    public void append(ChatEvent event) {
        tx.defer(INSERT, event.conversationId(), event.seq(), event.type(), EventCodec.payload(event),
                Rows.millis(event.at()));
    }

    @Override
    public List<ChatEvent> readAfter(String conversationId, long afterSeq, int limit) {
        if (limit <= 0) return List.of();
        tx.flushDeferred();
        return tx.reading(h -> tx.sql().list(h, """
                        SELECT type, payload FROM events
                        WHERE conversation_id = ? AND seq > ?
                        ORDER BY seq
                        LIMIT ?""", rs -> EventCodec.event(rs.getString(1), rs.getString(2)), conversationId, afterSeq, limit));
    }
}
