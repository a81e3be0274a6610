package dev.parley.client.realtime;

import dev.parley.client.model.Conversation;
import dev.parley.client.model.MemberSettings;
import dev.parley.client.model.Message;
import dev.parley.client.model.Role;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The mutable state of one conversation inside the {@link ChatStore}; guarded by the store's lock. */
final class ConversationState {
    Conversation conversation;
    long lastSeq;
    long readSeq;
    long deliveredSeq;
    long unreadCount;
    long mentionCount;
    Role role;
    MemberSettings settings;
    Set<String> typing = Set.of();
    final TreeMap<Long, Message> messages = new TreeMap<>();
    final Map<String, Long> seqById = new HashMap<>();
    final Map<String, Role> members = new LinkedHashMap<>();
    final Map<String, Receipt> receipts = new LinkedHashMap<>();

    ConversationState(Conversation conversation) {
        this.conversation = conversation;
        this.lastSeq = conversation.lastSeq();
    }

    Message message(String messageId) {
        Long seq = messageId == null ? null : seqById.get(messageId);
        return seq == null ? null : messages.get(seq);
    }

    void put(Message message) {
        Message previous = messages.put(message.seq(), message);
        if (previous != null && !previous.id().equals(message.id())) seqById.remove(previous.id());
        seqById.put(message.id(), message.seq());
    }

    void clearMessages() {
        messages.clear();
        seqById.clear();
    }

    ConversationView view() {
        return new ConversationView(conversation, lastSeq, readSeq, deliveredSeq, unreadCount, mentionCount, role,
                settings, typing);
    }
}
