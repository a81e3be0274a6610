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
        tx.writing(h -> h.createUpdate("""
                        INSERT INTO events (conversation_id, seq, type, payload, created_at)
                        VALUES (:conversationId, :seq, :type, :payload, :createdAt)""")
                .bind("conversationId", event.conversationId())
                .bind("seq", event.seq())
                .bind("type", event.type())
                .bind("payload", EventCodec.payload(event))
                .bind("createdAt", Rows.millis(event.at()))
                .execute());
    }

    @Override
    public List<ChatEvent> readAfter(String conversationId, long afterSeq, int limit) {
        if (limit <= 0) return List.of();
        return tx.reading(h -> h.createQuery("""
                        SELECT type, payload FROM events
                        WHERE conversation_id = :conversationId AND seq > :afterSeq
                        ORDER BY seq
                        LIMIT :limit""")
                .bind("conversationId", conversationId)
                .bind("afterSeq", afterSeq)
                .bind("limit", limit)
                .map((rs, ctx) -> EventCodec.event(rs.getString("type"), rs.getString("payload")))
                .list());
    }
}
