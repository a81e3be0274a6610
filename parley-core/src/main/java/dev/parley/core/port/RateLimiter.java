package dev.parley.core.port;

import java.time.Duration;

/**
 * Counts actions per key (user id and action name) against configured limits. Thread-safe.
 * Never blocks.
 */
public interface RateLimiter {
    /**
     * Takes one permit for {@code action} by {@code key}. Returns {@link Duration#ZERO} when allowed,
     * otherwise how long until the next permit (nothing is consumed then).
     */
    Duration tryAcquire(String action, String key);

    RateLimiter UNLIMITED = (action, key) -> Duration.ZERO;
}
