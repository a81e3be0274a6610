package dev.parley.core.port;

import dev.parley.core.presence.PresenceState;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The live presence state of connected users (and of users in their grace period after the last
 * connection closed). Ephemeral: nothing here outlives the process (single node) or the shared
 * cache (cluster); only last-seen times are persisted, in {@link LastSeenStore}. Thread-safe.
 */
public interface PresenceStore {
    /**
     * Atomically replaces the user's state with {@code change.apply(current)}, where current is
     * null when the user has none; a null result removes the state. Updates of one user never
     * interleave (the function may run more than once under contention, so it must be free of
     * side effects). Returns the new state, or null if it was removed.
     */
    PresenceState update(String userId, UnaryOperator<PresenceState> change);

    Optional<PresenceState> find(String userId);

    /** The states of those of {@code userIds} that have one. */
    Map<String, PresenceState> findAll(Collection<String> userIds);

    /** The ids of every user with a state, as a snapshot. */
    Set<String> userIds();
}
