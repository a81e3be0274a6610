package dev.parley.server.ws;

import dev.parley.core.conversation.Member;
import dev.parley.core.event.ChatEvent;
import dev.parley.core.port.ConversationStore;
import dev.parley.core.port.Transactor;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The members of recently active conversations, for fan-out, each with the seq it reflects. Kept
 * current by the membership events themselves (applied in seq order); a miss, or an event that
 * shows the cache missed one, loads the members from the store (one read). Bounded: past the
 * maximum, arbitrary entries are dropped. Thread-safe; loads happen outside any lock.
 */
final class MemberCache {
    private record Entry(Set<String> members, long seq) {
    }

    private final Transactor tx;
    private final ConversationStore conversations;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    MemberCache(Transactor tx, ConversationStore conversations, int maxEntries) {
        this.tx = tx;
        this.conversations = conversations;
        this.maxEntries = maxEntries;
    }

    /**
     * Applies a persisted event and returns who receives it: the members after it, and for a
     * removal also the removed user (who gets that last event of the conversation). Call in seq
     * order per conversation (the bus's order).
     */
    Set<String> recipients(ChatEvent event) {
        String conversationId = event.conversationId();
        Entry current = entries.get(conversationId);
        Entry next;
        if (event instanceof ChatEvent.ConversationCreated created) {
            Set<String> members = new HashSet<>();
            created.members().forEach(m -> members.add(m.userId()));
            next = new Entry(Set.copyOf(members), event.seq());
        } else if (current == null || event.seq() > current.seq() + 1) {
            next = load(conversationId);
        } else if (event.seq() <= current.seq()) {
            next = current;
        } else {
            next = new Entry(applied(current.members(), event), event.seq());
        }
        store(conversationId, next);
        if (event instanceof ChatEvent.MemberRemoved removed && !next.members().contains(removed.userId())) {
            Set<String> withRemoved = new HashSet<>(next.members());
            withRemoved.add(removed.userId());
            return withRemoved;
        }
        return next.members();
    }

    /** The current members of a conversation (loaded on a miss); empty if it does not exist. */
    Set<String> members(String conversationId) {
        Entry current = entries.get(conversationId);
        if (current != null) return current.members();
        Entry loaded = load(conversationId);
        store(conversationId, loaded);
        return loaded.members();
    }

    int size() {
        return entries.size();
    }

    private static Set<String> applied(Set<String> members, ChatEvent event) {
        return switch (event) {
            case ChatEvent.MemberAdded added -> {
                Set<String> next = new HashSet<>(members);
                next.add(added.userId());
                yield Set.copyOf(next);
            }
            case ChatEvent.MemberRemoved removed -> {
                Set<String> next = new HashSet<>(members);
                next.remove(removed.userId());
                yield Set.copyOf(next);
            }
            default -> members;
        };
    }

    private Entry load(String conversationId) {
        return tx.read(() -> {
            long seq = conversations.findById(conversationId).map(c -> c.lastSeq()).orElse(0L);
            Set<String> members = new HashSet<>();
            for (Member m : conversations.listMembers(conversationId)) members.add(m.userId());
            return new Entry(Set.copyOf(members), seq);
        });
    }

    /** Keeps whichever entry reflects the later seq (a concurrent load may be newer than an applied event). */
    private void store(String conversationId, Entry entry) {
        entries.merge(conversationId, entry, (old, fresh) -> fresh.seq() >= old.seq() ? fresh : old);
        if (entries.size() > maxEntries) {
            Iterator<String> keys = entries.keySet().iterator();
            for (int i = 0; i < maxEntries / 10 + 1 && keys.hasNext(); i++) {
                String key = keys.next();
                if (!key.equals(conversationId)) keys.remove();
            }
        }
    }
}
