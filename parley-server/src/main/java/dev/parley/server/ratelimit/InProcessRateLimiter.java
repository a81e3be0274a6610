package dev.parley.server.ratelimit;

import dev.parley.core.port.RateLimiter;
import dev.parley.server.config.RateLimitRule;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rate limits of one node: a token bucket (bucket4j) per action and key, holding the rule's
 * permits and refilling them smoothly over its period. Actions without a rule are not limited.
 * Buckets that are full again are forgotten now and then, so memory follows the active keys.
 * Thread-safe; never blocks.
 */
public final class InProcessRateLimiter implements RateLimiter {
    private static final int SWEEP_EVERY = 10_000;

    private record Key(String action, String key) {
    }

    private final Map<String, RateLimitRule> rules;
    private final TimeMeter time;
    private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    public InProcessRateLimiter(Map<String, RateLimitRule> rules) {
        this(rules, TimeMeter.SYSTEM_NANOTIME);
    }

    /** With a time source of its own, for tests. */
    public InProcessRateLimiter(Map<String, RateLimitRule> rules, TimeMeter time) {
        this.rules = Map.copyOf(rules);
        this.time = time;
    }

    @Override
    public Duration tryAcquire(String action, String key) {
        RateLimitRule rule = rules.get(action);
        if (rule == null) return Duration.ZERO;
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) sweep();
        Bucket bucket = buckets.computeIfAbsent(new Key(action, key), k -> newBucket(rule));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) return Duration.ZERO;
        return Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
    }

    /** How many buckets are kept now. */
    int size() {
        return buckets.size();
    }

    /** Drops the buckets that refilled completely: a new one would behave the same. */
    void sweep() {
        buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= rules.get(e.getKey().action()).permits());
    }

    private Bucket newBucket(RateLimitRule rule) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(rule.permits()).refillGreedy(rule.permits(), rule.period()))
                .withCustomTimePrecision(time)
                .build();
    }
}
