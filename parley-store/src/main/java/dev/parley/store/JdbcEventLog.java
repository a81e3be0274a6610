package dev.parley.store;

import dev.parley.core.event.ChatEvent;
import dev.parley.core.port.EventLog;
import java.util.List;

/** The event log in the {@code events} table: one row per (conversation, seq), the event as JSON. */
final class JdbcEventLog implements EventLog {
    private final JdbcTransactor tx;

    JdbcEventLog(JdbcTransactor tx) {
        this.tx = tx;
    }

    @Override
    public void append(ChatEvent event) {
        tx.writing(h -> tx.sql().update(h, """
                        INSERT INTO events (conversation_id, seq, type, payload, created_at)
                        VALUES (?, ?, ?, ?, ?)""", event.conversationId(), event.seq(), event.type(),
                EventCodec.payload(event), Rows.millis(event.at())));
    }

    @Override
    public List<ChatEvent> readAfter(String conversationId, long afterSeq, int limit) {
        if (limit <= 0) return List.of();
        return tx.reading(h -> tx.sql().list(h, """
                        SELECT type, payload FROM events
                        WHERE conversation_id = ? AND seq > ?
                        ORDER BY seq
                        LIMIT ?""", rs -> EventCodec.event(rs.getString(1), rs.getString(2)), conversationId, afterSeq, limit));
    }
}
