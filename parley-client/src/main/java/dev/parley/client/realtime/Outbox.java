package dev.parley.client.realtime;

import java.util.List;

/**
 * The messages sent but not acknowledged yet, oldest first. The client adds a message when
 * {@link ParleyRealtime#send} is called and removes it when the server acknowledged it (created or
 * a repeat) or refused it for good; every reconnect resends what is left, with the same client
 * message ids. {@link #inMemory()} lives as long as the process; {@link #file} survives a restart.
 *
 * <p>Implementations must be thread-safe; {@link #add} and {@link #remove} must be durable when they
 * return if the outbox claims to survive restarts. Adding an entry whose client message id is
 * already present replaces nothing and returns false.
 */
public interface Outbox {
    /** Adds an entry at the end unless one with its client message id is present; true if added. */
    boolean add(OutboxEntry entry);

    /** Removes the entry with {@code clientMessageId}; true if there was one. */
    boolean remove(String clientMessageId);

    /** The entries, oldest first (a snapshot). */
    List<OutboxEntry> entries();

    /** An outbox in memory, lost with the process. */
    static Outbox inMemory() {
        return new InMemoryOutbox();
    }

    /**
     * An outbox kept in a JSON file, rewritten atomically on every change. Entries in the file are
     * loaded now and sent on the next connection.
     *
     * @throws java.io.UncheckedIOException if the file exists and cannot be read
     */
    static Outbox file(java.nio.file.Path path) {
        return new FileOutbox(path);
    }
}
