package dev.parley.client.realtime;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: before retry number {@code attempt} (0 for the first) wait a
 * uniformly random time between zero and {@code min(max, base × 2^attempt)}. Spreading the whole
 * interval keeps many clients that lost the same server from coming back at the same moment.
 * Immutable and thread-safe.
 *
 * @param base the ceiling of the first wait; positive
 * @param max  the largest ceiling; at least {@code base}
 */
public record Backoff(Duration base, Duration max) {
    /** 500 ms growing to 30 seconds. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    public Backoff {
        if (base == null || base.isNegative() || base.isZero()) throw new IllegalArgumentException("base must be positive");
        if (max == null || max.compareTo(base) < 0) throw new IllegalArgumentException("max must be at least base");
    }

    /** The longest wait before retry {@code attempt}: {@code min(max, base × 2^attempt)}. */
    public Duration ceiling(int attempt) {
        if (attempt < 0) throw new IllegalArgumentException("attempt must not be negative");
        long baseMillis = Math.max(1, base.toMillis());
        long maxMillis = max.toMillis();
        int doublings = Math.min(attempt, 62 - (63 - Long.numberOfLeadingZeros(baseMillis)));
        long ceiling = doublings < 0 ? maxMillis : baseMillis << doublings;
        return Duration.ofMillis(Math.min(maxMillis, ceiling));
    }

    /** A random wait in {@code [0, ceiling(attempt)]}, drawn from {@code random}. */
    public Duration delay(int attempt, RandomGenerator random) {
        long ceiling = ceiling(attempt).toMillis();
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }
}
