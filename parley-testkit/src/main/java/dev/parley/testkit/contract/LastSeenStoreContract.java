package dev.parley.testkit.contract;

import static dev.parley.testkit.contract.ContractData.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.port.LastSeenStore;
import dev.parley.testkit.StoreFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link LastSeenStore}; extend it with a fixture and the adapter under test. */
public abstract class LastSeenStoreContract {
    protected abstract StoreFixture fixture();

    /** The adapter under test, over the fixture's database. */
    protected abstract LastSeenStore lastSeen();

    private LastSeenStore store;

    @BeforeEach
    void resetStore() {
        fixture().reset();
        ContractData data = new ContractData(fixture());
        data.user("alice");
        data.user("bob");
        data.user("carol");
        store = lastSeen();
    }

    @Test
    void aRecordedTimeIsFound() {
        store.record("u_alice", at(10));
        store.record("u_bob", at(20));

        assertThat(store.find(List.of("u_alice", "u_bob"))).isEqualTo(Map.of("u_alice", at(10), "u_bob", at(20)));
    }

    @Test
    void theTimeOnlyMovesForward() {
        store.record("u_alice", at(10));
        store.record("u_alice", at(5));
        assertThat(store.find(List.of("u_alice"))).containsEntry("u_alice", at(10));

        store.record("u_alice", at(30));
        store.record("u_alice", at(30));
        assertThat(store.find(List.of("u_alice"))).containsEntry("u_alice", at(30));
    }

    @Test
    void usersNeverSeenAndUnknownUsersAreLeftOut() {
        store.record("u_alice", at(1));
        store.record("u_nobody", at(2));

        assertThat(store.find(List.of("u_alice", "u_carol", "u_nobody"))).containsOnlyKeys("u_alice");
        assertThat(store.find(List.of())).isEmpty();
    }

    @Test
    void timesKeepMilliseconds() {
        store.record("u_bob", at(7).plusMillis(123));

        assertThat(store.find(List.of("u_bob", "u_bob"))).containsExactly(Map.entry("u_bob", at(7).plusMillis(123)));
    }
}
