package dev.parley.server.ws;

import dev.parley.core.port.MembershipIndex;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a user's connections their unread count of a conversation after their read marker moved.
 * The count is a read of the store, so it runs on a virtual thread of its own, never on the bus's
 * delivery lanes (where a slow database would hold up every conversation of the lane). At most
 * one count per user and conversation runs at a time; moves that come while it runs are folded
 * into one more count, so the last count sent is always read after the last move. Thread-safe.
 */
final class UnreadNotices {
    private static final Logger LOG = LoggerFactory.getLogger(UnreadNotices.class);
    private static final int COUNTING = 1;
    private static final int COUNTING_AGAIN = 2;

    private record Key(String userId, String conversationId) {
    }

    private final ConnectionRegistry registry;
    private final MembershipIndex memberships;
    private final ConcurrentHashMap<Key, Integer> running = new ConcurrentHashMap<>();

    UnreadNotices(ConnectionRegistry registry, MembershipIndex memberships) {
        this.registry = registry;
        this.memberships = memberships;
    }

    /** The user's read marker in the conversation moved. */
    void readMoved(String userId, String conversationId) {
        if (!registry.isConnected(userId)) return;
        Key key = new Key(userId, conversationId);
        boolean[] start = {false};
        running.compute(key, (k, state) -> {
            if (state != null) return COUNTING_AGAIN;
            start[0] = true;
            return COUNTING;
        });
        if (start[0]) Thread.ofVirtual().name("parley-unread").start(() -> count(key));
    }

    private void count(Key key) {
        do {
            try {
                memberships.unread(key.userId(), key.conversationId()).ifPresent(count -> {
                    String frame = EventFrames.unread(key.conversationId(), count);
                    for (Connection connection : registry.of(key.userId())) {
                        connection.sendLive(frame, OutboundQueue.Kind.CONTENT);
                    }
                });
            } catch (RuntimeException e) {
                LOG.warn("Could not count the unread messages of {} in {}", key.userId(), key.conversationId(), e);
            }
        } while (running.compute(key, (k, state) -> state == COUNTING_AGAIN ? COUNTING : null) != null);
    }
}
