package dev.parley.testkit.contract;

import static dev.parley.testkit.contract.ContractData.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.port.TypingStore;
import dev.parley.core.typing.Typer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link TypingStore}; extend it with a fresh, empty adapter for every test. */
public abstract class TypingStoreContract {
    /** A new, empty store. */
    protected abstract TypingStore newStore();

    private TypingStore store;

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    private static Typer typer(String userId, long started, long refreshed) {
        return new Typer(userId, at(started), at(refreshed), at(refreshed + 5));
    }

    @Test
    void putReplacesTheUsersEntryAndReturnsTheEarlierOne() {
        assertThat(store.put("c_1", typer("u_a", 0, 0))).isEmpty();
        assertThat(store.put("c_1", typer("u_a", 0, 3))).contains(typer("u_a", 0, 0));

        assertThat(store.find("c_1", "u_a")).contains(typer("u_a", 0, 3));
        assertThat(store.find("c_2", "u_a")).isEmpty();
        assertThat(store.list("c_1", at(4))).containsExactly(typer("u_a", 0, 3));
    }

    @Test
    void listShowsLiveTypersInTheOrderTheyStarted() {
        store.put("c_1", typer("u_b", 1, 1));
        store.put("c_1", typer("u_a", 2, 2));
        store.put("c_1", typer("u_b", 1, 4));
        store.put("c_2", typer("u_c", 0, 0));

        assertThat(store.list("c_1", at(5))).extracting(Typer::userId).containsExactly("u_b", "u_a");
        assertThat(store.list("c_1", at(7))).extracting(Typer::userId).as("u_a lapsed at 7").containsExactly("u_b");
        assertThat(store.list("c_3", at(0))).isEmpty();
    }

    @Test
    void removeTakesOneEntry() {
        store.put("c_1", typer("u_a", 0, 0));
        store.put("c_1", typer("u_b", 0, 0));

        assertThat(store.remove("c_1", "u_a")).isTrue();
        assertThat(store.remove("c_1", "u_a")).isFalse();
        assertThat(store.remove("c_9", "u_b")).isFalse();
        assertThat(store.list("c_1", at(1))).extracting(Typer::userId).containsExactly("u_b");
    }

    @Test
    void removeExpiredDropsLapsedEntriesAndNamesTheirConversations() {
        store.put("c_1", typer("u_a", 0, 0));
        store.put("c_1", typer("u_b", 0, 3));
        store.put("c_2", typer("u_c", 0, 1));
        store.put("c_3", typer("u_d", 0, 9));

        assertThat(store.removeExpired(at(6))).containsExactlyInAnyOrder("c_1", "c_2");
        assertThat(store.find("c_1", "u_a")).isEmpty();
        assertThat(store.find("c_1", "u_b")).isPresent();
        assertThat(store.removeExpired(at(6))).isEmpty();
        assertThat(store.removeExpired(at(8))).containsExactly("c_1");
        assertThat(store.list("c_1", at(8))).isEmpty();
        assertThat(store.list("c_3", at(8))).extracting(Typer::userId).containsExactly("u_d");
    }
}
