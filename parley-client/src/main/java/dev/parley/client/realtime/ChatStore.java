package dev.parley.client.realtime;

import dev.parley.client.model.Conversation;
import dev.parley.client.model.ConversationSummary;
import dev.parley.client.model.Member;
import dev.parley.client.model.MemberProfile;
import dev.parley.client.model.Message;
import dev.parley.client.model.Role;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The client's local picture of the chat: my conversations with their counts and markers, the
 * messages of each in {@code seq} order with edits, deletes, reactions and pins applied, members
 * and their receipts, typing sets and the presence of the users seen.
 *
 * <p>The client changes it on its event thread only, before it calls the handlers of the change,
 * so a handler sees the store with the event applied. Reads are thread-safe from any thread and
 * return immutable snapshots (one lock; no read waits for I/O).
 *
 * <p>Unread counts follow the server's rule — messages by others, not deleted, with {@code seq}
 * above my read marker — and are kept by applying each change to the server's count from the last
 * load; an {@code unread} event from the server overwrites them.
 */
public final class ChatStore {
    private final Map<String, ConversationState> conversations = new HashMap<>();
    private final Map<String, Presence> presence = new HashMap<>();
    private String me;

    /** My user id, once the socket authenticated; null before. */
    public synchronized String userId() {
        return me;
    }

    /** Every conversation held, most recent activity first. */
    public synchronized List<ConversationView> conversations() {
        return conversations.values().stream().map(ConversationState::view)
                .sorted(Comparator.comparing((ConversationView v) -> v.conversation().lastActivityAt(),
                        Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(ConversationView::id))
                .toList();
    }

    public synchronized Optional<ConversationView> conversation(String conversationId) {
        return Optional.ofNullable(conversations.get(conversationId)).map(ConversationState::view);
    }

    /** Every message held of a conversation, thread replies included, in seq order (empty if unknown). */
    public synchronized List<Message> messages(String conversationId) {
        ConversationState s = conversations.get(conversationId);
        return s == null ? List.of() : List.copyOf(s.messages.values());
    }

    /** The messages held of a conversation without thread replies, in seq order. */
    public synchronized List<Message> timeline(String conversationId) {
        ConversationState s = conversations.get(conversationId);
        return s == null ? List.of() : s.messages.values().stream().filter(m -> m.threadRootId() == null).toList();
    }

    /** The replies held of the thread of {@code rootMessageId}, in seq order. */
    public synchronized List<Message> thread(String conversationId, String rootMessageId) {
        ConversationState s = conversations.get(conversationId);
        return s == null ? List.of()
                : s.messages.values().stream().filter(m -> rootMessageId.equals(m.threadRootId())).toList();
    }

    public synchronized Optional<Message> message(String conversationId, String messageId) {
        ConversationState s = conversations.get(conversationId);
        return Optional.ofNullable(s == null ? null : s.message(messageId));
    }

    /** The message with {@code clientMessageId} sent by me, if held. */
    public synchronized Optional<Message> sentMessage(String conversationId, String clientMessageId) {
        ConversationState s = conversations.get(conversationId);
        if (s == null) return Optional.empty();
        return s.messages.values().stream()
                .filter(m -> clientMessageId.equals(m.clientMessageId()) && m.senderId() != null && m.senderId().equals(me))
                .findFirst();
    }

    /** Who is typing in a conversation I focus (empty otherwise). */
    public synchronized Set<String> typing(String conversationId) {
        ConversationState s = conversations.get(conversationId);
        return s == null ? Set.of() : s.typing;
    }

    /** The members of a conversation and their roles. */
    public synchronized Map<String, Role> members(String conversationId) {
        ConversationState s = conversations.get(conversationId);
        return s == null ? Map.of() : Map.copyOf(s.members);
    }

    /** The read and delivered markers of a conversation's members, by user id. */
    public synchronized Map<String, Receipt> receipts(String conversationId) {
        ConversationState s = conversations.get(conversationId);
        return s == null ? Map.of() : Map.copyOf(s.receipts);
    }

    /** The last presence seen of a user. */
    public synchronized Optional<Presence> presence(String userId) {
        return Optional.ofNullable(presence.get(userId));
    }

    /** The sum of the unread counts of all conversations held. */
    public synchronized long totalUnread() {
        return conversations.values().stream().mapToLong(s -> s.unreadCount).sum();
    }

    // ---- changes, on the event thread ----

    synchronized void me(String userId) {
        this.me = userId;
    }

    synchronized boolean contains(String conversationId) {
        return conversations.containsKey(conversationId);
    }

    /** The seq of the oldest message held of a conversation, or -1 if none. */
    synchronized long oldestSeq(String conversationId) {
        ConversationState s = conversations.get(conversationId);
        return s == null || s.messages.isEmpty() ? -1 : s.messages.firstKey();
    }

    synchronized void remove(String conversationId) {
        conversations.remove(conversationId);
    }

    /** Takes a conversation read through REST. */
    synchronized void load(LoadedConversation loaded) {
        ConversationSummary summary = loaded.summary();
        Conversation conversation = summary.conversation();
        ConversationState s = conversations.get(conversation.id());
        if (s == null || loaded.replaceMessages()) {
            s = new ConversationState(conversation);
            conversations.put(conversation.id(), s);
        }
        s.conversation = MessageChanges.advanced(conversation, loaded.position(), null);
        Member mine = summary.me();
        if (mine != null) {
            s.readSeq = Math.max(s.readSeq, mine.readSeq());
            s.deliveredSeq = Math.max(s.deliveredSeq, mine.deliveredSeq());
            s.settings = mine.settings();
            s.role = mine.role();
        }
        s.unreadCount = summary.unreadCount();
        s.mentionCount = summary.mentionCount();
        if (loaded.members() != null) {
            s.members.clear();
            s.receipts.clear();
            for (MemberProfile m : loaded.members()) {
                s.members.put(m.userId(), m.role());
                s.receipts.put(m.userId(), new Receipt(conversation.id(), m.userId(), m.readSeq(), m.deliveredSeq()));
            }
        }
        if (loaded.replaceMessages()) s.clearMessages();
        for (Message m : loaded.messages()) s.put(m);
        s.lastSeq = Math.max(s.lastSeq, loaded.position());
    }

    /** Applies one persisted event; the caller applies each exactly once, in seq order. */
    synchronized void apply(ConversationEvent event) {
        ConversationState s = conversations.get(event.conversationId());
        if (s == null) {
            if (!(event instanceof ConversationEvent.ConversationCreated created)) return;
            s = new ConversationState(created.conversation());
            conversations.put(event.conversationId(), s);
        }
        java.time.Instant activity = null;
        switch (event) {
            case ConversationEvent.MessageCreated e -> {
                created(s, e.message());
                activity = e.message().createdAt() != null ? e.message().createdAt() : e.at();
            }
            case ConversationEvent.MessageEdited e -> edited(s, e);
            case ConversationEvent.MessageDeleted e -> deleted(s, e);
            case ConversationEvent.ReactionAdded e -> change(s, e.messageId(),
                    m -> MessageChanges.reactionAdded(m, e.userId(), e.emoji(), me));
            case ConversationEvent.ReactionRemoved e -> change(s, e.messageId(),
                    m -> MessageChanges.reactionRemoved(m, e.userId(), e.emoji(), me));
            case ConversationEvent.MessagePinned e -> change(s, e.messageId(), m -> MessageChanges.pinned(m, true));
            case ConversationEvent.MessageUnpinned e -> change(s, e.messageId(), m -> MessageChanges.pinned(m, false));
            case ConversationEvent.ConversationCreated e -> {
                for (ConversationEvent.InitialMember m : e.members()) joined(s, m.userId(), m.role());
            }
            case ConversationEvent.ConversationUpdated e ->
                    s.conversation = MessageChanges.updated(s.conversation, e.title(), e.description(), e.avatarUrl());
            case ConversationEvent.ConversationArchived e ->
                    s.conversation = MessageChanges.archived(s.conversation, e.archived());
            case ConversationEvent.MemberAdded e -> joined(s, e.userId(), e.role());
            case ConversationEvent.MemberRemoved e -> {
                s.members.remove(e.userId());
                s.receipts.remove(e.userId());
            }
            case ConversationEvent.MemberRoleChanged e -> {
                s.members.put(e.userId(), e.role());
                if (e.userId().equals(me)) s.role = e.role();
            }
            case ConversationEvent.Other e -> {
                // unknown kind: nothing to apply, but it advances the position
            }
        }
        s.lastSeq = Math.max(s.lastSeq, event.seq());
        s.conversation = MessageChanges.advanced(s.conversation, event.seq(), activity);
    }

    /** Applies an ephemeral event. */
    synchronized void apply(LiveEvent event) {
        switch (event) {
            case LiveEvent.Typing e -> with(e.conversationId(), s -> s.typing = e.userIds());
            case LiveEvent.PresenceChanged e -> presence(e.presence());
            case LiveEvent.ReceiptChanged e -> with(e.receipt().conversationId(), s -> receipt(s, e.receipt()));
            case LiveEvent.UnreadChanged e -> with(e.conversationId(), s -> {
                s.unreadCount = e.unreadCount();
                s.mentionCount = e.mentionCount();
            });
            case LiveEvent.SettingsChanged e -> with(e.conversationId(), s -> s.settings = e.settings());
            case LiveEvent.ConversationAvailable e -> {
                // the client loads it; nothing to keep yet
            }
            case LiveEvent.Other e -> {
                // unknown kind
            }
        }
    }

    synchronized void typing(String conversationId, Set<String> userIds) {
        with(conversationId, s -> s.typing = Set.copyOf(userIds));
    }

    synchronized void presence(Presence value) {
        if (value != null && value.userId() != null) presence.put(value.userId(), value);
    }

    /** Moves my read marker after a {@code read} reply. */
    synchronized void read(String conversationId, long readSeq) {
        with(conversationId, s -> receipt(s, new Receipt(conversationId, me, readSeq, Math.max(readSeq, s.deliveredSeq))));
    }

    private void with(String conversationId, java.util.function.Consumer<ConversationState> change) {
        ConversationState s = conversationId == null ? null : conversations.get(conversationId);
        if (s != null) change.accept(s);
    }

    private void change(ConversationState s, String messageId, java.util.function.UnaryOperator<Message> change) {
        Message m = s.message(messageId);
        if (m != null) s.put(change.apply(m));
    }

    private void joined(ConversationState s, String userId, Role role) {
        if (userId == null) return;
        s.members.put(userId, role);
        s.receipts.putIfAbsent(userId, new Receipt(s.conversation.id(), userId, 0, 0));
        if (userId.equals(me)) s.role = role;
    }

    private boolean countsAsUnread(ConversationState s, Message m) {
        return !m.isDeleted() && m.seq() > s.readSeq && (m.senderId() == null || !m.senderId().equals(me));
    }

    private void created(ConversationState s, Message m) {
        boolean held = s.seqById.containsKey(m.id());
        if (!held) {
            s.put(m);
            if (m.threadRootId() != null) change(s, m.threadRootId(), root -> MessageChanges.replyAdded(root, m));
        }
        // A message moves its sender's markers to it (the protocol sends no receipt for that).
        if (m.senderId() != null) senderMarkers(s, m);
        if (me != null && me.equals(m.senderId())) {
            // sending moves my read marker to my message: nothing above it is unread
            s.readSeq = Math.max(s.readSeq, m.seq());
            s.deliveredSeq = Math.max(s.deliveredSeq, m.seq());
            s.unreadCount = 0;
            s.mentionCount = 0;
        } else if (countsAsUnread(s, m)) {
            s.unreadCount++;
            if (MessageChanges.mentions(m, me)) s.mentionCount++;
        }
    }

    private void edited(ConversationState s, ConversationEvent.MessageEdited e) {
        Message m = s.message(e.messageId());
        if (m == null || m.isDeleted()) return;
        Message after = MessageChanges.edited(m, e.text(), e.mentions(), e.mentionAll(), e.editedAt());
        if (countsAsUnread(s, m)) {
            boolean before = MessageChanges.mentions(m, me);
            boolean now = MessageChanges.mentions(after, me);
            if (before && !now) s.mentionCount = Math.max(0, s.mentionCount - 1);
            if (!before && now) s.mentionCount++;
        }
        s.put(after);
    }

    private void deleted(ConversationState s, ConversationEvent.MessageDeleted e) {
        Message m = s.message(e.messageId());
        if (m == null || m.isDeleted()) return;
        if (countsAsUnread(s, m)) {
            s.unreadCount = Math.max(0, s.unreadCount - 1);
            if (MessageChanges.mentions(m, me)) s.mentionCount = Math.max(0, s.mentionCount - 1);
        }
        s.put(MessageChanges.deleted(m, e.deletedAt() != null ? e.deletedAt() : e.at()));
        if (m.threadRootId() != null) change(s, m.threadRootId(), MessageChanges::replyRemoved);
    }

    /** The sender's read and delivered markers, moved forward to their new message. */
    private static void senderMarkers(ConversationState s, Message m) {
        Receipt known = s.receipts.get(m.senderId());
        s.receipts.put(m.senderId(), new Receipt(s.conversation.id(), m.senderId(),
                Math.max(known == null ? 0 : known.readSeq(), m.seq()),
                Math.max(known == null ? 0 : known.deliveredSeq(), m.seq())));
    }

    private void receipt(ConversationState s, Receipt r) {
        if (r.userId() == null) return;
        Receipt known = s.receipts.get(r.userId());
        Receipt merged = known == null ? r : new Receipt(r.conversationId(), r.userId(),
                Math.max(known.readSeq(), r.readSeq()), Math.max(known.deliveredSeq(), r.deliveredSeq()));
        s.receipts.put(r.userId(), merged);
        if (!r.userId().equals(me)) return;
        s.deliveredSeq = Math.max(s.deliveredSeq, merged.deliveredSeq());
        if (merged.readSeq() <= s.readSeq) return;
        if (merged.readSeq() >= s.lastSeq) {
            s.unreadCount = 0;
            s.mentionCount = 0;
        } else {
            for (Message m : s.messages.subMap(s.readSeq, false, merged.readSeq(), true).values()) {
                if (!countsAsUnread(s, m)) continue;
                s.unreadCount = Math.max(0, s.unreadCount - 1);
                if (MessageChanges.mentions(m, me)) s.mentionCount = Math.max(0, s.mentionCount - 1);
            }
        }
        s.readSeq = merged.readSeq();
    }
}
