package dev.parley.testkit.contract;

import static dev.parley.testkit.contract.ContractData.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.port.PresenceStore;
import dev.parley.core.presence.PresenceState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link PresenceStore}; extend it with a fresh, empty adapter for every test. */
public abstract class PresenceStoreContract {
    /** A new, empty store. */
    protected abstract PresenceStore newStore();

    private PresenceStore store;

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void updateCreatesReplacesAndRemoves() {
        PresenceState created = store.update("u_a", s -> {
            assertThat(s).isNull();
            return PresenceState.fresh("u_a", at(1)).withConnectionOpened(at(1));
        });
        assertThat(created.connections()).isEqualTo(1);
        assertThat(store.find("u_a")).contains(created);

        PresenceState second = store.update("u_a", s -> s.withConnectionOpened(at(2)));
        assertThat(second.connections()).isEqualTo(2);
        assertThat(store.find("u_a")).contains(second);

        assertThat(store.update("u_a", s -> null)).isNull();
        assertThat(store.find("u_a")).isEmpty();
        assertThat(store.userIds()).isEmpty();
    }

    @Test
    void findAllAndUserIdsShowWhoHasAState() {
        store.update("u_a", s -> PresenceState.fresh("u_a", at(1)));
        store.update("u_b", s -> PresenceState.fresh("u_b", at(2)));

        assertThat(store.findAll(List.of("u_a", "u_c"))).containsOnlyKeys("u_a");
        assertThat(store.findAll(List.of())).isEmpty();
        assertThat(store.userIds()).containsExactlyInAnyOrder("u_a", "u_b");
    }

    @Test
    void updatesOfOneUserNeverInterleave() throws InterruptedException {
        store.update("u_a", s -> PresenceState.fresh("u_a", at(0)));
        int threads = 8;
        int each = 500;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < each; i++) store.update("u_a", s -> s.withConnectionOpened(at(1)));
            }));
        }
        start.countDown();
        for (Thread w : workers) assertThat(w.join(java.time.Duration.ofSeconds(30))).isTrue();

        assertThat(store.find("u_a")).get().extracting(PresenceState::connections).isEqualTo(threads * each);
    }

    @Test
    void userIdsIsASnapshotThatMayBeChangedWhileIterating() throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            String id = "u_" + i;
            store.update(id, s -> PresenceState.fresh(id, at(1)));
        }
        CountDownLatch done = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> {
            for (String id : store.userIds()) store.update(id, s -> null);
            done.countDown();
        });

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(store.userIds()).isEmpty();
    }
}
