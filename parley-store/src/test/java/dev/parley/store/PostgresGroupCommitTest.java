package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.StoreFixture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Group commit on PostgreSQL ({@link GroupCommitCases}), and its lanes: a busy lane holds back
 * only the writes of its own keys.
 */
class PostgresGroupCommitTest extends GroupCommitCases {
    @Override
    StoreFixture openStore() {
        return PostgresStoreFixture.create();
    }

    @Test
    void aWriteOfAnotherLaneOrWithoutAKeyDoesNotWaitForABusyLane() throws Exception {
        String otherLane = IntStream.range(0, 100).mapToObj(i -> "c_other_" + i)
                .filter(key -> lane(key) != lane(KEY)).findFirst().orElseThrow();
        Future<?> blocker = occupyTheWriter(KEY);

        Future<String> other = callers.submit(() -> store().transactor().write(otherLane, () -> data.user("olga").id()));
        Future<String> unkeyed = callers.submit(() -> store().transactor().write(() -> data.user("uma").id()));

        assertThat(other.get(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(unkeyed.get(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(store().users().findByUsername("olga")).isPresent();
        assertThat(blocker).isNotDone();
        releaseWriter.countDown();
        blocker.get(10, TimeUnit.SECONDS);
    }

    private static int lane(String key) {
        return Math.floorMod(key.hashCode(), JdbcStores.POSTGRES_WRITE_LANES);
    }
}
