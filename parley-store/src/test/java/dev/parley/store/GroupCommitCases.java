package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.parley.core.access.Actor;
import dev.parley.core.conversation.Conversation;
import dev.parley.core.event.ChatEvent;
import dev.parley.core.message.MessageService;
import dev.parley.core.message.NewMessage;
import dev.parley.core.message.SendResult;
import dev.parley.core.user.User;
import dev.parley.testkit.ManualClock;
import dev.parley.testkit.RecordingEventBus;
import dev.parley.testkit.StoreFixture;
import dev.parley.testkit.TestPorts;
import dev.parley.testkit.contract.ContractData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Group commit on either database: writes of one key queued behind a busy writer thread commit
 * together, each in its own savepoint, and each caller learns its own outcome only after the
 * shared commit. Every write here names {@link #KEY}, so on PostgreSQL they share one lane.
 */
@Timeout(30)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GroupCommitCases {
    static final String KEY = "c_group_commit";

    private StoreFixture store;
    ExecutorService callers;
    CountDownLatch writerBusy;
    CountDownLatch releaseWriter;
    ContractData data;
    JdbcTransactor transactor;

    /** Opens the store under test; it serves every test of the class and is closed after them. */
    abstract StoreFixture openStore();

    StoreFixture store() {
        return store;
    }

    @BeforeAll
    void openOnce() {
        store = openStore();
    }

    @AfterAll
    void closeOnce() throws Exception {
        if (store instanceof AutoCloseable closeable) closeable.close();
    }

    @BeforeEach
    void setUp() {
        store.reset();
        data = new ContractData(store);
        transactor = (JdbcTransactor) store.transactor();
        callers = Executors.newVirtualThreadPerTaskExecutor();
        writerBusy = new CountDownLatch(1);
        releaseWriter = new CountDownLatch(1);
    }

    @AfterEach
    void stopCallers() {
        releaseWriter.countDown();
        callers.shutdownNow();
    }

    @Test
    void queuedWritesShareOneTransactionAndAFailureRollsBackOnlyItsOwn() throws Exception {
        AtomicInteger commits = new AtomicInteger();
        Future<?> blocker = occupyTheWriter(KEY);
        List<Future<User>> writes = new ArrayList<>();
        for (String name : List.of("ann", "bea", "cal", "dan")) {
            writes.add(queue(() -> {
                transactor.beforeCommit("count", h -> commits.incrementAndGet());
                User user = data.user(name);
                if (name.equals("cal")) throw new IllegalArgumentException("cal is refused");
                return user;
            }, 1 + writes.size()));
        }
        releaseWriter.countDown();
        blocker.get(10, TimeUnit.SECONDS);

        assertThat(writes.get(0).get().username()).isEqualTo("ann");
        assertThat(writes.get(1).get().username()).isEqualTo("bea");
        assertThatThrownBy(() -> writes.get(2).get()).hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("cal is refused");
        assertThat(writes.get(3).get().username()).isEqualTo("dan");
        assertThat(commits).hasValue(1);
        assertThat(store().users().findByUsername("cal")).isEmpty();
        assertThat(store().users().findByUsername("dan")).isPresent();
    }

    @Test
    void aSavepointRolledBackForgetsTheBeforeCommitWorkItAskedFor() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        Future<?> blocker = occupyTheWriter(KEY);
        Future<Object> failing = queue(() -> {
            transactor.beforeCommit("only-in-failed", h -> ran.incrementAndGet());
            throw new IllegalStateException("refused");
        }, 1);
        Future<User> fine = queue(() -> data.user("eve"), 2);
        releaseWriter.countDown();
        blocker.get(10, TimeUnit.SECONDS);

        assertThatThrownBy(failing::get).hasRootCauseInstanceOf(IllegalStateException.class);
        assertThat(fine.get().username()).isEqualTo("eve");
        assertThat(ran).hasValue(0);
    }

    @Test
    void twoSendsWithOneClientMessageIdInOneBatchGiveOneMessage() throws Exception {
        User alice = data.user("alice");
        Conversation team = data.group("Team", alice, data.user("bob"));
        MessageService messages = new MessageService(TestPorts.of(store(), new ManualClock(), new RecordingEventBus()));
        // Each send is a batch's work of its own, keyed by its conversation, as in the server: the
        // retry is refused inside the batch and looks up the original after the commit.
        Future<?> blocker = occupyTheWriter(team.id());
        Future<SendResult> first = whenQueued(callers.submit(() -> messages.send(Actor.user(alice.id()), team.id(),
                NewMessage.text("cm-same", "hello"))), 1);
        Future<SendResult> retry = whenQueued(callers.submit(() -> messages.send(Actor.user(alice.id()), team.id(),
                NewMessage.text("cm-same", "hello"))), 2);
        releaseWriter.countDown();
        blocker.get(10, TimeUnit.SECONDS);

        assertThat(first.get().created()).isTrue();
        assertThat(retry.get().created()).isFalse();
        assertThat(retry.get().message().id()).isEqualTo(first.get().message().id());
        assertThat(store().messages().countLive(team.id())).isEqualTo(1);
    }

    @Test
    void everyCallerOfALargeBatchLearnsItsOwnOutcome() throws Exception {
        Future<?> blocker = occupyTheWriter(KEY);
        List<Future<Integer>> writes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            writes.add(callers.submit(() -> store().transactor().write(KEY, () -> {
                if (n % 7 == 3) throw new IllegalStateException("refused " + n);
                return n;
            })));
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> transactor.queuedWrites() == 100);
        releaseWriter.countDown();
        blocker.get(10, TimeUnit.SECONDS);

        for (int i = 0; i < writes.size(); i++) {
            Future<Integer> write = writes.get(i);
            if (i % 7 == 3) {
                assertThatThrownBy(() -> write.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("refused " + i);
            } else {
                assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo(i);
            }
        }
    }

    @Test
    void aCallerLearnsItsOutcomeOnlyAfterItsWholeBatchCommitted() throws Exception {
        CountDownLatch firstRan = new CountDownLatch(1);
        CountDownLatch secondRunning = new CountDownLatch(1);
        CountDownLatch releaseSecond = new CountDownLatch(1);
        Future<?> blocker = occupyTheWriter(KEY);
        Future<User> first = queue(() -> {
            User user = data.user("ann");
            firstRan.countDown();
            return user;
        }, 1);
        Future<User> second = queue(() -> {
            secondRunning.countDown();
            try {
                releaseSecond.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return data.user("bea");
        }, 2);
        releaseWriter.countDown();
        blocker.get(10, TimeUnit.SECONDS);
        assertThat(firstRan.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(secondRunning.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(first).as("the first work ran, but its batch has not committed").isNotDone();
        assertThat(callers.submit(() -> store().users().findByUsername("ann")).get(10, TimeUnit.SECONDS))
                .as("others do not see it either").isEmpty();
        releaseSecond.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).username()).isEqualTo("ann");
        assertThat(second.get(10, TimeUnit.SECONDS).username()).isEqualTo("bea");
        assertThat(store().users().findByUsername("ann")).isPresent();
    }

    @Test
    void aWriteRolledBackInABatchLeavesNoEventAndNoGapInTheSeqs() throws Exception {
        Conversation team = data.group("Team", data.user("alice"));
        Future<?> blocker = occupyTheWriter(KEY);
        Future<Long> kept = queue(() -> appendUpdate(team, "first"), 1);
        Future<Long> refused = queue(() -> {
            appendUpdate(team, "refused");
            throw new IllegalStateException("refused");
        }, 2);
        Future<Long> next = queue(() -> appendUpdate(team, "second"), 3);
        releaseWriter.countDown();
        blocker.get(10, TimeUnit.SECONDS);

        assertThatThrownBy(refused::get).hasRootCauseMessage("refused");
        assertThat(next.get()).isEqualTo(kept.get() + 1);
        List<ChatEvent> events = store().eventLog().readAfter(team.id(), kept.get() - 1, 10);
        assertThat(events).extracting(e -> ((ChatEvent.ConversationUpdated) e).title()).containsExactly("first", "second");
        assertThat(events).extracting(ChatEvent::seq).containsExactly(kept.get(), kept.get() + 1);
        assertThat(store().conversations().findById(team.id()).orElseThrow().lastSeq()).isEqualTo(kept.get() + 1);
    }

    @Test
    void aSendsMarkerMoveIsWrittenAtTheCommitAndSeenByALaterReadOfTheBatch() throws Exception {
        User alice = data.user("alice");
        Conversation team = data.group("Team", alice);
        Future<?> blocker = occupyTheWriter(KEY);
        Future<Object> moved = queueMarkerMove(team, alice, 7);
        Future<Long> seen = queue(() -> store().conversations().findMember(team.id(), alice.id()).orElseThrow().readSeq(), 2);
        releaseWriter.countDown();
        blocker.get(10, TimeUnit.SECONDS);
        moved.get(10, TimeUnit.SECONDS);

        assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo(7);
        assertThat(store().conversations().findMember(team.id(), alice.id()).orElseThrow().deliveredSeq()).isEqualTo(7);
    }

    @Test
    void aWriteRolledBackAfterWritingAnEarlierWritesDeferredRowsKeepsThem() throws Exception {
        User alice = data.user("alice");
        Conversation team = data.group("Team", alice);
        Future<?> blocker = occupyTheWriter(KEY);
        Future<Object> moved = queueMarkerMove(team, alice, 7);
        Future<Object> refused = queue(() -> {
            store().conversations().findMember(team.id(), alice.id()); // writes the deferred move, inside this savepoint
            throw new IllegalStateException("refused");
        }, 2);
        releaseWriter.countDown();
        blocker.get(10, TimeUnit.SECONDS);
        moved.get(10, TimeUnit.SECONDS);

        assertThatThrownBy(refused::get).hasRootCauseMessage("refused");
        assertThat(store().conversations().findMember(team.id(), alice.id()).orElseThrow().readSeq()).isEqualTo(7);
    }

    /** Queues, first behind the busy writer, a send's move of {@code user}'s markers to {@code seq}. */
    private Future<Object> queueMarkerMove(Conversation c, User user, long seq) {
        return queue(() -> {
            store().conversations().advanceMarkers(c.id(), user.id(), seq);
            return null;
        }, 1);
    }

    /** Takes the conversation's next seq and appends a title change with it; returns the seq. */
    long appendUpdate(Conversation c, String title) {
        long seq = store().conversations().nextSeq(c.id());
        store().eventLog().append(new ChatEvent.ConversationUpdated(c.id(), seq, Instant.EPOCH, title, null, null, null));
        return seq;
    }

    /** Blocks the writer thread of {@code key} in a write until {@link #releaseWriter}; returns that write. */
    Future<?> occupyTheWriter(String key) throws InterruptedException {
        Future<?> blocker = callers.submit(() -> store().transactor().write(key, () -> {
            writerBusy.countDown();
            try {
                releaseWriter.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertThat(writerBusy.await(10, TimeUnit.SECONDS)).isTrue();
        return blocker;
    }

    /** Submits a write from another thread and waits until it is queued, the {@code position}-th behind the busy writer. */
    <T> Future<T> queue(Supplier<T> work, int position) {
        return whenQueued(callers.submit(() -> store().transactor().write(KEY, work)), position);
    }

    /** Returns {@code write} once it is queued, the {@code position}-th behind the busy writer. */
    <T> Future<T> whenQueued(Future<T> write, int position) {
        await().atMost(10, TimeUnit.SECONDS).until(() -> transactor.queuedWrites() == position);
        return write;
    }

}
