package dev.parley.e2e.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.client.model.ConversationQuery;
import dev.parley.client.model.ConversationSummary;
import dev.parley.e2e.realtime.People.Account;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One device of a person: a socket resumed on the person's conversations, and what a client
 * would show from the frames it received — in particular the unread badge, counted locally from
 * the events (messages by others above my read marker, not deleted) as a client without REST
 * calls would.
 */
final class Device implements AutoCloseable {
    private final Account owner;
    private final Socket socket;
    private final Map<String, Long> readSeqAtStart;

    private Device(Account owner, Socket socket, Map<String, Long> readSeqAtStart) {
        this.owner = owner;
        this.socket = socket;
        this.readSeqAtStart = readSeqAtStart;
    }

    /**
     * Connects a device of {@code owner} and resumes every conversation at its current end
     * ({@code byHeader}: token in the upgrade request, else in an {@code auth} frame).
     */
    static Device connect(RealtimeServer server, Account owner, String name, boolean byHeader, List<String> conversationIds) {
        Socket socket = Socket.connect(server.socketUri(), byHeader ? owner.token() : null, name);
        if (!byHeader) socket.ok("auth", Socket.data("token", owner.token()));
        Map<String, Long> positions = new java.util.HashMap<>();
        Map<String, Long> readSeqs = new java.util.HashMap<>();
        for (String id : conversationIds) {
            var details = owner.rest().conversations().get(id);
            positions.put(id, details.conversation().lastSeq());
            readSeqs.put(id, details.me().readSeq());
        }
        socket.resume(positions);
        return new Device(owner, socket, readSeqs);
    }

    Socket socket() {
        return socket;
    }

    Account owner() {
        return owner;
    }

    /**
     * My read marker as this device knows it: the start, moved by {@code receipt} events about me
     * and by my own messages (a message moves its sender's markers to it).
     */
    long readSeq(String conversationId) {
        long read = readSeqAtStart.getOrDefault(conversationId, 0L);
        for (JsonNode receipt : socket.events("receipt")) {
            JsonNode d = receipt.path("data");
            if (d.path("conversationId").asText().equals(conversationId) && d.path("userId").asText().equals(owner.id())) {
                read = Math.max(read, d.path("readSeq").asLong());
            }
        }
        for (JsonNode created : socket.events("message.created")) {
            if (created.path("conversationId").asText().equals(conversationId)
                    && owner.id().equals(created.path("data").path("message").path("senderId").asText())) {
                read = Math.max(read, created.path("seq").asLong());
            }
        }
        return read;
    }

    /** The unread badge computed from the events this device received since it resumed. */
    long unread(String conversationId) {
        long read = readSeq(conversationId);
        Set<String> deleted = new HashSet<>();
        for (JsonNode e : socket.events("message.deleted")) deleted.add(e.path("data").path("messageId").asText());
        return socket.events("message.created").stream()
                .filter(e -> e.path("conversationId").asText().equals(conversationId))
                .map(e -> e.path("data").path("message"))
                .filter(m -> !owner.id().equals(m.path("senderId").asText()))
                .filter(m -> m.path("seq").asLong() > read)
                .filter(m -> !deleted.contains(m.path("id").asText()))
                .count();
    }

    /** The data of the newest {@code unread} event of the conversation, or null if none came. */
    JsonNode lastUnreadEvent(String conversationId) {
        List<JsonNode> events = socket.events("unread").stream()
                .filter(e -> e.path("data").path("conversationId").asText().equals(conversationId)).toList();
        return events.isEmpty() ? null : events.getLast().path("data");
    }

    /** The owner's badge of the conversation as REST reports it. */
    ConversationSummary restSummary(String conversationId) {
        return owner.rest().conversations().list(ConversationQuery.ALL.withLimit(100)).items().stream()
                .filter(s -> s.conversation().id().equals(conversationId)).findFirst()
                .orElseThrow(() -> new AssertionError(owner + " does not list " + conversationId));
    }

    @Override
    public void close() {
        socket.close();
    }

    @Override
    public String toString() {
        return socket.name();
    }
}
