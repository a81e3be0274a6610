package dev.parley.core.support;

import dev.parley.core.error.ParleyException;
import dev.parley.core.port.RateLimiter;
import java.time.Duration;

/** The rate-limited actions and the one way to check them. */
public final class RateLimits {
    public static final String SEND = "send";
    public static final String EDIT = "edit";
    public static final String REACT = "react";
    public static final String CREATE_CONVERSATION = "create_conversation";
    public static final String LOGIN = "login";

    private RateLimits() {
    }

    /** Takes a permit or throws 429 with the time to wait. */
    public static void check(RateLimiter limiter, String action, String key) {
        Duration wait = limiter.tryAcquire(action, key);
        if (!wait.isZero()) {
            throw ParleyException.rateLimited(action, wait);
        }
    }
}
