package dev.parley.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.RateLimitRule;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InProcessRateLimiterTest {
    private final AtomicLong nanos = new AtomicLong();
    private final TimeMeter time = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };
    private final InProcessRateLimiter limiter = new InProcessRateLimiter(
            Map.of("send", new RateLimitRule(3, Duration.ofSeconds(3)), "login", new RateLimitRule(1, Duration.ofMinutes(1))),
            time);

    @Test
    void allowsThePermitsThenTellsHowLongToWait() {
        for (int i = 0; i < 3; i++) assertThat(limiter.tryAcquire("send", "u1")).isZero();
        Duration wait = limiter.tryAcquire("send", "u1");
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire("send", "u1")).as("a refused attempt consumes nothing").isEqualTo(wait);
    }

    @Test
    void permitsRefillOverThePeriod() {
        for (int i = 0; i < 3; i++) limiter.tryAcquire("send", "u1");
        assertThat(limiter.tryAcquire("send", "u1")).isPositive();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(limiter.tryAcquire("send", "u1")).isZero();
        assertThat(limiter.tryAcquire("send", "u1")).isPositive();
    }

    @Test
    void keysAndActionsHaveTheirOwnBuckets() {
        assertThat(limiter.tryAcquire("login", "ada")).isZero();
        assertThat(limiter.tryAcquire("login", "ada")).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(limiter.tryAcquire("login", "bob")).isZero();
        assertThat(limiter.tryAcquire("send", "ada")).isZero();
    }

    @Test
    void actionsWithoutARuleAreNotLimited() {
        for (int i = 0; i < 1000; i++) assertThat(limiter.tryAcquire("typing", "u1")).isZero();
        assertThat(limiter.size()).isZero();
    }

    @Test
    void fullBucketsAreForgotten() {
        limiter.tryAcquire("send", "u1");
        limiter.tryAcquire("send", "u2");
        limiter.sweep();
        assertThat(limiter.size()).isEqualTo(2);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        limiter.sweep();
        assertThat(limiter.size()).isZero();
    }
}
