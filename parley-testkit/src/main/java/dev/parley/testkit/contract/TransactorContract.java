package dev.parley.testkit.contract;

import static dev.parley.testkit.contract.ContractData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.core.conversation.Conversation;
import dev.parley.core.error.ErrorCode;
import dev.parley.core.error.ParleyException;
import dev.parley.core.port.Transactor;
import dev.parley.core.user.User;
import dev.parley.testkit.StoreFixture;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The contract of {@link Transactor} over the stores; extend it with a fixture of the adapter under test. */
@Timeout(60)
public abstract class TransactorContract {
    protected abstract StoreFixture fixture();

    private Transactor tx;
    private ContractData data;
    private ExecutorService executor;

    @BeforeEach
    void resetStore() {
        fixture().reset();
        tx = fixture().transactor();
        data = new ContractData(fixture());
        executor = Executors.newVirtualThreadPerTaskExecutor();
    }

    @AfterEach
    void stopThreads() {
        executor.shutdownNow();
    }

    private static User user(String name) {
        return new User("u_" + name, name, name, null, null, null, null, T0);
    }

    @Test
    void aWriteCommitsWhenTheWorkReturns() {
        String result = tx.write(() -> {
            fixture().users().insert(user("alice"), null);
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(fixture().users().findById("u_alice")).isPresent();
    }

    @Test
    void aWriteThatThrowsRollsBackEverythingAndRethrowsTheSameException() {
        Conversation c = data.group("Team", data.user("bob"));
        IllegalStateException failure = new IllegalStateException("abort");

        assertThatThrownBy(() -> tx.write(() -> {
            fixture().users().insert(user("alice"), null);
            fixture().conversations().nextSeq(c.id());
            fixture().conversations().updateDetails(c.id(), "Renamed", null, null);
            throw failure;
        })).isSameAs(failure);

        assertThat(fixture().users().findById("u_alice")).isEmpty();
        Conversation after = fixture().conversations().findById(c.id()).orElseThrow();
        assertThat(after.lastSeq()).isZero();
        assertThat(after.title()).isEqualTo("Team");
    }

    @Test
    void aConflictInsideAWriteRollsBackTheWholeWrite() {
        fixture().users().insert(user("alice"), null);

        assertThatThrownBy(() -> tx.write(() -> {
            fixture().users().insert(user("bob"), null);
            fixture().users().insert(new User("u_other", "alice", "x", null, null, null, null, T0), null);
            return null;
        })).isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));

        assertThat(fixture().users().findById("u_bob")).isEmpty();
    }

    @Test
    void aNestedWriteJoinsTheOuterTransaction() {
        assertThatThrownBy(() -> tx.write(() -> {
            fixture().users().insert(user("alice"), null);
            tx.write(() -> {
                assertThat(fixture().users().findById("u_alice")).as("inner sees outer's rows").isPresent();
                fixture().users().insert(user("bob"), null);
                return null;
            });
            assertThat(tx.read(() -> fixture().users().findById("u_bob"))).as("a nested read joins too").isPresent();
            throw new IllegalStateException("abort after the inner write returned");
        })).hasMessageContaining("abort");

        assertThat(fixture().users().findById("u_alice")).isEmpty();
        assertThat(fixture().users().findById("u_bob")).as("the inner write was not committed on its own").isEmpty();
    }

    @Test
    void otherThreadsSeeAWriteOnlyAfterItCommitted() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> tx.write(() -> {
            fixture().users().insert(user("alice"), null);
            written.countDown();
            await(checked);
            return null;
        }), executor);

        assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
        Optional<User> during = CompletableFuture.supplyAsync(() -> fixture().users().findById("u_alice"), executor).get();
        Optional<User> duringRead = CompletableFuture.supplyAsync(
                () -> tx.read(() -> fixture().users().findById("u_alice")), executor).get();
        checked.countDown();
        writer.get(30, TimeUnit.SECONDS);

        assertThat(during).isEmpty();
        assertThat(duringRead).isEmpty();
        assertThat(fixture().users().findById("u_alice")).isPresent();
    }

    @Test
    void aReadRunsOnOneSnapshot() throws Exception {
        fixture().users().insert(user("alice"), null);
        CountDownLatch firstRead = new CountDownLatch(1);
        CountDownLatch changed = new CountDownLatch(1);
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> tx.read(() -> {
            String before = fixture().users().findById("u_alice").orElseThrow().displayName();
            firstRead.countDown();
            await(changed);
            return before + "/" + fixture().users().findById("u_alice").orElseThrow().displayName();
        }), executor);

        assertThat(firstRead.await(30, TimeUnit.SECONDS)).isTrue();
        fixture().users().update(user("alice").withProfile("Alice 2", null, null));
        changed.countDown();

        assertThat(reader.get(30, TimeUnit.SECONDS)).isEqualTo("alice/alice");
        assertThat(fixture().users().findById("u_alice").orElseThrow().displayName()).isEqualTo("Alice 2");
    }

    @Test
    void storeMethodsOutsideATransactionCommitOnTheirOwn() {
        fixture().users().insert(user("alice"), null);

        assertThat(tx.read(() -> fixture().users().findById("u_alice"))).isPresent();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
