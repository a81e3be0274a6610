package dev.parley.server.ws;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The open connections of this node: all of them (for heartbeats and shutdown), the
 * authenticated ones by user, and who focuses which conversation (for typing). Thread-safe.
 */
final class ConnectionRegistry {
    private final Set<Connection> all = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, Set<Connection>> byUser = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<Connection>> byFocus = new ConcurrentHashMap<>();

    void opened(Connection connection) {
        all.add(connection);
    }

    /** The connection authenticated as its user. */
    void authenticated(Connection connection, String userId) {
        byUser.compute(userId, (id, set) -> {
            Set<Connection> next = set == null ? ConcurrentHashMap.newKeySet() : set;
            next.add(connection);
            return next;
        });
    }

    /** Forgets the connection everywhere. */
    void closed(Connection connection, String userId, Collection<String> focused) {
        all.remove(connection);
        if (userId != null) remove(byUser, userId, connection);
        for (String conversationId : focused) remove(byFocus, conversationId, connection);
    }

    void focus(Connection connection, String conversationId) {
        byFocus.compute(conversationId, (id, set) -> {
            Set<Connection> next = set == null ? ConcurrentHashMap.newKeySet() : set;
            next.add(connection);
            return next;
        });
    }

    void blur(Connection connection, String conversationId) {
        remove(byFocus, conversationId, connection);
    }

    /** Every open connection, as a snapshot. */
    List<Connection> all() {
        return List.copyOf(all);
    }

    int size() {
        return all.size();
    }

    /** Every open connection, without a copy (connections opened or closed meanwhile may be left out or seen). */
    void forEachOpen(Consumer<Connection> action) {
        all.forEach(action);
    }

    /** The user's authenticated connections (empty if none). */
    Set<Connection> of(String userId) {
        Set<Connection> set = byUser.get(userId);
        return set == null ? Set.of() : set;
    }

    boolean isConnected(String userId) {
        Set<Connection> set = byUser.get(userId);
        return set != null && !set.isEmpty();
    }

    /** True if any of the users has a connection here. */
    boolean anyConnected(Collection<String> userIds) {
        if (byUser.isEmpty()) return false;
        for (String userId : userIds) {
            if (isConnected(userId)) return true;
        }
        return false;
    }

    /** The ids of users with a connection here: a live view, not a copy, as presence asks on every change. */
    Set<String> connectedUserIds() {
        return Collections.unmodifiableSet(byUser.keySet());
    }

    /** The connections focusing the conversation (empty if none). */
    Set<Connection> focusing(String conversationId) {
        Set<Connection> set = byFocus.get(conversationId);
        return set == null ? Set.of() : set;
    }

    private static void remove(ConcurrentHashMap<String, Set<Connection>> index, String key, Connection connection) {
        index.computeIfPresent(key, (id, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
    }
}
