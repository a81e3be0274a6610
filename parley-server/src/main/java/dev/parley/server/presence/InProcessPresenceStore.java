package dev.parley.server.presence;

import dev.parley.core.port.PresenceStore;
import dev.parley.core.presence.PresenceState;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The presence state of a single node, in memory: one entry per user who is connected or within
 * the grace period. {@link #update} is atomic per user (a {@link ConcurrentHashMap#compute});
 * the presence service removes users once they are offline, so memory follows the number of
 * connected users. Thread-safe.
 */
public final class InProcessPresenceStore implements PresenceStore {
    private final ConcurrentHashMap<String, PresenceState> states = new ConcurrentHashMap<>();

    @Override
    public PresenceState update(String userId, UnaryOperator<PresenceState> change) {
        return states.compute(userId, (id, current) -> change.apply(current));
    }

    @Override
    public Optional<PresenceState> find(String userId) {
        return Optional.ofNullable(states.get(userId));
    }

    @Override
    public Map<String, PresenceState> findAll(Collection<String> userIds) {
        Map<String, PresenceState> found = new HashMap<>();
        for (String id : userIds) {
            PresenceState state = states.get(id);
            if (state != null) found.put(id, state);
        }
        return found;
    }

    @Override
    public Set<String> userIds() {
        return Set.copyOf(states.keySet());
    }
}
