package dev.parley.bench.ceiling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import dev.parley.bench.ws.JsonScan;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ceiling's whole state, in memory: per conversation a seq counter and the connections that
 * resumed it (each connection knows its own user and conversations). A send takes the next seq and queues the event to every subscribed connection under
 * the conversation's lock, so every connection sees one conversation's events in seq order (as
 * Parley guarantees). Thread-safe.
 */
final class CeilingState {
    /** Jackson set up as Parley's server sets it up for writing (Blackbird included), so both pay the same. */
    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(new BlackbirdModule())
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);

    /** The message shape the bench reads (a subset of Parley's REST {@code Message}). */
    record CeilingMessage(String id, String conversationId, long seq, String senderId, String clientMessageId,
                          String type, String text, Instant createdAt) {
    }

    record EventFrame(String type, String event, String conversationId, long seq, Instant at, Map<String, Object> data) {
    }

    static final class Conversation {
        final AtomicLong seq = new AtomicLong(1); // seq 1 is the creation, as in Parley
        final Set<CeilingSocket> subscribers = ConcurrentHashMap.newKeySet();
    }

    private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();
    private final AtomicLong conversationIds = new AtomicLong();
    private final AtomicLong messageIds = new AtomicLong();

    String newConversation() {
        String id = "c_" + conversationIds.incrementAndGet();
        conversations.put(id, new Conversation());
        return id;
    }

    Conversation conversation(String id) {
        return conversations.computeIfAbsent(id, key -> new Conversation());
    }

    /** Takes the next seq, queues the event to every subscriber and returns the message. */
    CeilingMessage send(String conversationId, String senderId, String clientMessageId, String text) {
        Conversation conversation = conversation(conversationId);
        synchronized (conversation) {
            long seq = conversation.seq.incrementAndGet();
            Instant now = Instant.now();
            CeilingMessage message = new CeilingMessage("m_" + messageIds.incrementAndGet(), conversationId, seq,
                    senderId, clientMessageId, "text", text, now);
            String frame = json(new EventFrame("event", "message.created", conversationId, seq, now,
                    Map.of("message", message)));
            for (CeilingSocket subscriber : conversation.subscribers) subscriber.send(frame);
            return message;
        }
    }

    void subscribe(CeilingSocket socket, String conversationId) {
        Conversation conversation = conversation(conversationId);
        conversation.subscribers.add(socket);
        socket.subscriptions.add(conversation);
    }

    void disconnect(CeilingSocket socket) {
        for (Conversation conversation : socket.subscriptions) conversation.subscribers.remove(socket);
        socket.subscriptions.clear();
    }

    static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The user a bench token names ({@code "u_" + sub}), read without checking the signature; null if none. */
    static String userOf(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) return null;
        String[] parts = authorization.substring("Bearer ".length()).trim().split("\\.");
        if (parts.length < 2) return null;
        try {
            String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            String sub = JsonScan.string(claims, "sub");
            return sub == null ? null : "u_" + sub;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
