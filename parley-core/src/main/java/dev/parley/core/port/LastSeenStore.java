package dev.parley.core.port;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * When each user was last seen connected: the one piece of presence that is persisted, so
 * "last seen" survives a restart. Thread-safe; joins the caller's transaction when there is
 * one, else runs in its own.
 */
public interface LastSeenStore {
    /**
     * Records that the user was seen at {@code at}. The stored time only moves forward: an
     * earlier {@code at} than the stored one changes nothing. An unknown user id is ignored.
     * Idempotent.
     */
    void record(String userId, Instant at);

    /**
     * The last-seen times of those of {@code userIds} that have one; unknown users and users
     * never seen are left out. An empty collection gives an empty map.
     */
    Map<String, Instant> find(Collection<String> userIds);
}
