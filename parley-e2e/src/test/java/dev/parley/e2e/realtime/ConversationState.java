package dev.parley.e2e.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.client.ParleyClient;
import dev.parley.client.model.ConversationDetails;
import dev.parley.client.model.HistoryQuery;
import dev.parley.client.model.Message;
import dev.parley.client.model.MessagePage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A reference reducer: what a client knows of one conversation — title, description, avatar,
 * archived, members and roles, and every message with its text, edits, deletion, reactions and
 * pin — built either from a REST snapshot or by applying persisted event frames to an earlier
 * state. Two states are compared through {@link #view()}.
 */
final class ConversationState {
    private final String conversationId;
    private String title;
    private String description;
    private String avatarUrl;
    private boolean archived;
    private long lastSeq;
    private final SortedMap<String, String> roles = new TreeMap<>();
    private final SortedMap<Long, MessageState> messages = new TreeMap<>();
    private final Map<String, Long> seqOfMessage = new TreeMap<>();

    private ConversationState(String conversationId) {
        this.conversationId = conversationId;
    }

    /** The conversation as {@code client}'s user sees it through REST now: details and the whole history. */
    static ConversationState fromRest(ParleyClient client, String conversationId) {
        ConversationDetails details = client.conversations().get(conversationId);
        ConversationState state = new ConversationState(conversationId);
        state.title = details.conversation().title();
        state.description = details.conversation().description();
        state.avatarUrl = details.conversation().avatarUrl();
        state.archived = details.conversation().archived();
        state.lastSeq = details.conversation().lastSeq();
        details.members().forEach(m -> state.roles.put(m.userId(), m.role().wireName()));
        long after = 0;
        while (true) {
            MessagePage page = client.messages().history(conversationId, HistoryQuery.after(after, 100));
            for (Message m : page.items()) {
                state.put(MessageState.of(m));
                after = Math.max(after, m.seq());
            }
            if (!page.hasNewer() || page.items().isEmpty()) break;
        }
        return state;
    }

    /** A state before the conversation's first event (apply {@code conversation.created} next). */
    static ConversationState empty(String conversationId) {
        return new ConversationState(conversationId);
    }

    /** An independent copy to apply further events to. */
    ConversationState copy() {
        ConversationState copy = new ConversationState(conversationId);
        copy.title = title;
        copy.description = description;
        copy.avatarUrl = avatarUrl;
        copy.archived = archived;
        copy.lastSeq = lastSeq;
        copy.roles.putAll(roles);
        copy.messages.putAll(messages);
        copy.seqOfMessage.putAll(seqOfMessage);
        return copy;
    }

    long lastSeq() {
        return lastSeq;
    }

    /** Applies one persisted event frame; it must be the next one ({@code seq == lastSeq + 1}). */
    void apply(JsonNode frame) {
        long seq = frame.path("seq").asLong();
        if (!frame.path("conversationId").asText().equals(conversationId)) {
            throw new AssertionError("event of another conversation: " + frame);
        }
        if (seq != lastSeq + 1) throw new AssertionError("expected seq " + (lastSeq + 1) + " but got " + frame);
        JsonNode d = frame.path("data");
        switch (frame.path("event").asText()) {
            case "message.created" -> put(MessageState.of(Socket.JSON.convertValue(d.path("message"), Message.class)));
            case "message.edited" -> update(d, m -> m.edited(d.path("text").isNull() ? null : d.path("text").asText(),
                    strings(d.path("mentions")), d.path("mentionAll").asBoolean(), instant(d.path("editedAt"))));
            case "message.deleted" -> update(d, m -> m.deleted(instant(d.path("deletedAt"))));
            case "reaction.added" -> update(d, m -> m.reacted(d.path("emoji").asText(), d.path("userId").asText(), true));
            case "reaction.removed" -> update(d, m -> m.reacted(d.path("emoji").asText(), d.path("userId").asText(), false));
            case "message.pinned" -> update(d, m -> m.pinned(true));
            case "message.unpinned" -> update(d, m -> m.pinned(false));
            case "conversation.created" -> {
                JsonNode c = d.path("conversation");
                title = text(c.path("title"));
                description = text(c.path("description"));
                avatarUrl = text(c.path("avatarUrl"));
                archived = c.path("archived").asBoolean();
                d.path("members").forEach(m -> roles.put(m.path("userId").asText(), m.path("role").asText()));
            }
            case "conversation.updated" -> {
                title = text(d.path("title"));
                description = text(d.path("description"));
                avatarUrl = text(d.path("avatarUrl"));
            }
            case "conversation.archived" -> archived = d.path("archived").asBoolean();
            case "member.added", "member.role_changed" -> roles.put(d.path("userId").asText(), d.path("role").asText());
            case "member.removed" -> roles.remove(d.path("userId").asText());
            default -> throw new AssertionError("not a persisted event: " + frame);
        }
        lastSeq = seq;
    }

    /** Everything a client shows of the conversation, comparable with equals. */
    View view() {
        return new View(conversationId, title, description, avatarUrl, archived, lastSeq, Map.copyOf(roles),
                List.copyOf(messages.values()));
    }

    private void put(MessageState message) {
        messages.put(message.seq(), message);
        seqOfMessage.put(message.id(), message.seq());
    }

    private void update(JsonNode data, java.util.function.UnaryOperator<MessageState> change) {
        Long seq = seqOfMessage.get(data.path("messageId").asText());
        if (seq == null) throw new AssertionError("event about an unknown message: " + data);
        messages.put(seq, change.apply(messages.get(seq)));
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static Instant instant(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : OffsetDateTime.parse(node.asText()).toInstant();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return List.copyOf(values);
    }

    /** A conversation as a client shows it. */
    record View(String conversationId, String title, String description, String avatarUrl, boolean archived,
                long lastSeq, Map<String, String> roles, List<MessageState> messages) {
    }

    /** A message as a client shows it; reactions are emoji → who reacted. */
    record MessageState(String id, long seq, String senderId, String text, List<String> mentions, boolean mentionAll,
                        Instant editedAt, Instant deletedAt, Map<String, Set<String>> reactions, boolean pinned) {
        static MessageState of(Message m) {
            Map<String, Set<String>> reactions = new TreeMap<>();
            for (Message.Reaction r : m.reactions()) {
                if (r.count() != r.userIds().size()) {
                    throw new AssertionError("reaction " + r + " on " + m.id() + " does not list everyone; "
                            + "keep reactions per emoji small in this test");
                }
                reactions.put(r.emoji(), Set.copyOf(r.userIds()));
            }
            return new MessageState(m.id(), m.seq(), m.senderId(), m.text(), List.copyOf(m.mentions()), m.mentionAll(),
                    m.editedAt(), m.deletedAt(), Map.copyOf(reactions), m.pinned());
        }

        MessageState edited(String newText, List<String> newMentions, boolean newMentionAll, Instant at) {
            return new MessageState(id, seq, senderId, newText, newMentions, newMentionAll, at, deletedAt, reactions,
                    pinned);
        }

        /** A tombstone: the content goes, id, seq, sender and times stay. */
        MessageState deleted(Instant at) {
            return new MessageState(id, seq, senderId, null, List.of(), false, editedAt, at, reactions, pinned);
        }

        MessageState reacted(String emoji, String userId, boolean add) {
            Map<String, Set<String>> next = new TreeMap<>(reactions);
            Set<String> users = new TreeSet<>(next.getOrDefault(emoji, Set.of()));
            if (add) users.add(userId);
            else users.remove(userId);
            if (users.isEmpty()) next.remove(emoji);
            else next.put(emoji, Set.copyOf(users));
            return new MessageState(id, seq, senderId, text, mentions, mentionAll, editedAt, deletedAt, Map.copyOf(next),
                    pinned);
        }

        MessageState pinned(boolean value) {
            return new MessageState(id, seq, senderId, text, mentions, mentionAll, editedAt, deletedAt, reactions, value);
        }
    }
}
