package dev.parley.core.port;

import dev.parley.core.typing.Typer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is typing in which conversation, each entry with its own expiry. Ephemeral: never
 * persisted. At most one entry per (conversation, user). Thread-safe; each method is atomic.
 */
public interface TypingStore {
    /** Stores the typer, replacing the user's earlier entry in the conversation; returns that earlier entry. */
    Optional<Typer> put(String conversationId, Typer typer);

    /** The user's entry in the conversation, expired or not. */
    Optional<Typer> find(String conversationId, String userId);

    /** Removes the user's entry; false if there was none. */
    boolean remove(String conversationId, String userId);

    /** The typers of a conversation that have not expired at {@code now}, in the order they started typing. */
    List<Typer> list(String conversationId, Instant now);

    /**
     * Removes every entry that expired at or before {@code now}; returns the conversations that
     * lost at least one.
     */
    Set<String> removeExpired(Instant now);
}
