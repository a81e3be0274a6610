package dev.parley.bench.ceiling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import dev.parley.bench.ws.JsonScan;
import io.javalin.websocket.WsContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Callback;

/**
 * The ceiling's whole state, in memory: per conversation a seq counter and the connections that
 * resumed it. A send takes the next seq and queues the event to every subscribed connection under
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
        final Set<WsContext> subscribers = ConcurrentHashMap.newKeySet();
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
            for (WsContext subscriber : conversation.subscribers) {
                subscriber.session.sendText(frame, Callback.NOOP);
            }
            return message;
        }
    }

    /** What the ceiling keeps per connection: its user and the conversations it resumed. */
    static final class Connection {
        volatile String user;
        final java.util.List<Conversation> subscriptions = new java.util.concurrent.CopyOnWriteArrayList<>();
    }

    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    Connection connection(WsContext ctx) {
        return connections.computeIfAbsent(ctx.sessionId(), key -> new Connection());
    }

    void subscribe(WsContext ctx, String conversationId) {
        Conversation conversation = conversation(conversationId);
        conversation.subscribers.add(ctx);
        connection(ctx).subscriptions.add(conversation);
    }

    void disconnect(WsContext ctx) {
        Connection connection = connections.remove(ctx.sessionId());
        if (connection == null) return;
        for (Conversation conversation : connection.subscriptions) conversation.subscribers.remove(ctx);
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
