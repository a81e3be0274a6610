package dev.parley.core.typing;

import java.time.Duration;

/**
 * How long a typing mark lasts without a refresh ({@code ttl}) and how often a client may refresh
 * it ({@code minInterval}; more frequent refreshes are ignored).
 */
public record TypingRules(Duration ttl, Duration minInterval) {
    /** The protocol's values: a mark lasts 5 seconds; refreshes count at most every 3 seconds. */
    public static final TypingRules DEFAULTS = new TypingRules(Duration.ofSeconds(5), Duration.ofSeconds(3));

    public TypingRules {
        if (ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("ttl must be positive");
        if (minInterval.isNegative() || minInterval.compareTo(ttl) >= 0) {
            throw new IllegalArgumentException("minInterval must be at least zero and shorter than ttl");
        }
    }

    /** True if a refresh at {@code now} of a mark last refreshed at {@code earlier} comes too soon to count. */
    public boolean tooSoon(Typer earlier, java.time.Instant now) {
        return now.isBefore(earlier.refreshedAt().plus(minInterval));
    }
}
