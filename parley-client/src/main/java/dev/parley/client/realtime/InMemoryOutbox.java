package dev.parley.client.realtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@link Outbox} in memory; thread-safe (one lock). */
class InMemoryOutbox implements Outbox {
    private final Map<String, OutboxEntry> entries = new LinkedHashMap<>();

    @Override
    public synchronized boolean add(OutboxEntry entry) {
        if (entries.containsKey(entry.clientMessageId())) return false;
        entries.put(entry.clientMessageId(), entry);
        try {
            changed();
        } catch (RuntimeException e) {
            entries.remove(entry.clientMessageId());
            throw e;
        }
        return true;
    }

    @Override
    public synchronized boolean remove(String clientMessageId) {
        if (entries.remove(clientMessageId) == null) return false;
        changed();
        return true;
    }

    @Override
    public synchronized List<OutboxEntry> entries() {
        return List.copyOf(entries.values());
    }

    /** Called under the lock after every change. */
    void changed() {
    }

    /** For subclasses that load entries: adds without calling {@link #changed()}. */
    synchronized void restore(List<OutboxEntry> loaded) {
        for (OutboxEntry entry : loaded) entries.putIfAbsent(entry.clientMessageId(), entry);
    }

    /** The entries under the lock, for subclasses that save them. */
    List<OutboxEntry> current() {
        return new ArrayList<>(entries.values());
    }
}
