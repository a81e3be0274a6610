package dev.parley.server.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.testkit.ManualClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TimeOrderedIdSourceTest {
    private final ManualClock clock = new ManualClock();
    private final TimeOrderedIdSource ids = new TimeOrderedIdSource(clock, new SecureRandom());

    @Test
    void idsHaveThePrefixAnd26LowerCaseBase32Characters() {
        String id = ids.next("m");
        assertThat(id).matches("m_[0-9a-hjkmnp-tv-z]{26}");
        assertThat(id.length()).isLessThanOrEqualTo(32);
        assertThat(ids.next("u")).startsWith("u_");
    }

    @Test
    void theFirstTenCharactersAreTheMillisecondTime() {
        long millis = clock.millis();
        String time = ids.next("c").substring(2, 12);
        long decoded = 0;
        for (char c : time.toCharArray()) decoded = decoded * 32 + TimeOrderedIdSource.ALPHABET.indexOf(c);
        assertThat(decoded).isEqualTo(millis);
    }

    @Test
    void idsSortInCreationOrderWithinAndAcrossMilliseconds() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            made.add(ids.next("m").substring(2));
            if (i % 100 == 0) clock.advance(Duration.ofMillis(1));
        }
        assertThat(made).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aClockStepBackKeepsTheOrder() {
        String before = ids.next("m");
        clock.advance(Duration.ofSeconds(-5));
        assertThat(ids.next("m")).isGreaterThan(before);
    }

    @Test
    void idsAreUniqueAndOrderedPerThreadUnderConcurrency() throws Exception {
        TimeOrderedIdSource shared = new TimeOrderedIdSource(java.time.Clock.systemUTC(), new SecureRandom());
        Set<String> all = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < 5_000; i++) mine.add(shared.next("m"));
                    return mine;
                }));
            }
            start.countDown();
            for (Future<List<String>> result : results) {
                List<String> mine = result.get();
                assertThat(mine).isSorted();
                all.addAll(mine);
            }
        }
        assertThat(all).hasSize(40_000);
    }

    @Test
    void badPrefixesAreRefused() {
        assertThatThrownBy(() -> ids.next("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ids.next("User")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ids.next("toolong")).isInstanceOf(IllegalArgumentException.class);
    }
}
