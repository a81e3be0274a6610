package dev.parley.client.model;

import java.time.Instant;

/** A full-text search over my conversations; null filters do not filter. */
public record SearchQuery(
        String q,
        String conversationId,
        String senderId,
        MessageType type,
        Instant from,
        Instant to,
        String cursor,
        Integer limit) {

    public static SearchQuery of(String q) {
        return new SearchQuery(q, null, null, null, null, null, null, null);
    }

    public SearchQuery inConversation(String value) {
        return new SearchQuery(q, value, senderId, type, from, to, cursor, limit);
    }

    public SearchQuery bySender(String value) {
        return new SearchQuery(q, conversationId, value, type, from, to, cursor, limit);
    }

    public SearchQuery ofType(MessageType value) {
        return new SearchQuery(q, conversationId, senderId, value, from, to, cursor, limit);
    }

    public SearchQuery between(Instant fromTime, Instant toTime) {
        return new SearchQuery(q, conversationId, senderId, type, fromTime, toTime, cursor, limit);
    }

    public SearchQuery withCursor(String value) {
        return new SearchQuery(q, conversationId, senderId, type, from, to, value, limit);
    }

    public SearchQuery withLimit(Integer value) {
        return new SearchQuery(q, conversationId, senderId, type, from, to, cursor, value);
    }
}
