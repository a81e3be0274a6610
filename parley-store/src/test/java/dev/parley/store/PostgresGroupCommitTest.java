package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.core.conversation.Conversation;
import dev.parley.core.error.ParleyException;
import dev.parley.core.event.ChatEvent;
import dev.parley.core.user.User;
import dev.parley.testkit.StoreFixture;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Group commit on PostgreSQL ({@link GroupCommitCases}), its lanes (a busy lane holds back only the
 * writes of its own keys), and the round trips of its transactions.
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

    @Test
    void eachWriteOfABatchOpensItsSavepointWithItsFirstStatementInOneRoundTrip() throws Exception {
        List<String> statements = new CopyOnWriteArrayList<>();
        Future<?> blocker = occupyTheWriter(KEY);
        ((PostgresStoreFixture) store()).stores().logStatements(statements::add);
        Supplier<Boolean> accessCheck = () -> store().conversations().findWithMember("c_none", "u_none").isPresent();
        Future<Boolean> first = queue(accessCheck, 1);
        Future<Boolean> second = queue(accessCheck, 2);
        Future<Boolean> third = queue(accessCheck, 3);
        releaseWriter.countDown();
        blocker.get(10, TimeUnit.SECONDS);
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        third.get(10, TimeUnit.SECONDS);

        // Nested savepoints whose names alternate, each sent with the write's query.
        assertThat(statements).hasSize(3);
        assertThat(statements.get(0)).startsWith("SAVEPOINT batch_item_a; SELECT");
        assertThat(statements.get(1)).startsWith("SAVEPOINT batch_item_b; SELECT");
        assertThat(statements.get(2)).startsWith("SAVEPOINT batch_item_a; SELECT");
    }

    @Test
    void aWritesOneRowPerStatementGoesOutWithItsCommitInOneRoundTrip() throws Exception {
        User alice = data.user("alice");
        Conversation team = data.group("Team", alice);
        List<String> statements = new CopyOnWriteArrayList<>();
        ((PostgresStoreFixture) store()).stores().logStatements(statements::add);

        long seq = store().transactor().write(KEY, () -> {
            long taken = appendUpdate(team, "first");
            store().conversations().advanceMarkers(team.id(), alice.id(), taken);
            return taken;
        });

        // The seq; then the event and the marker move with the COMMIT.
        assertThat(statements).hasSize(2);
        assertThat(statements.getLast()).startsWith("INSERT INTO events").contains("; UPDATE conversation_members SET")
                .endsWith("; COMMIT");
        assertThat(callers.submit(() -> store().eventLog().readAfter(team.id(), seq - 1, 10)).get(10, TimeUnit.SECONDS))
                .extracting(e -> ((ChatEvent.ConversationUpdated) e).title()).containsExactly("first");
        assertThat(store().conversations().findMember(team.id(), alice.id()).orElseThrow().readSeq()).isEqualTo(seq);
    }

    @Test
    void aBatchsRowsOfOneStatementAreOneBatchAndTheCommitFollows() throws Exception {
        Conversation team = data.group("Team", data.user("alice"));
        List<String> statements = new CopyOnWriteArrayList<>();
        Future<?> blocker = occupyTheWriter(KEY);
        ((PostgresStoreFixture) store()).stores().logStatements(statements::add);
        Future<Long> first = queue(() -> appendUpdate(team, "first"), 1);
        Future<Long> second = queue(() -> appendUpdate(team, "second"), 2);
        releaseWriter.countDown();
        blocker.get(10, TimeUnit.SECONDS);
        long firstSeq = first.get(10, TimeUnit.SECONDS);

        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(firstSeq + 1);
        // Each write's seq (in its savepoint's round trip), then both events in one batch.
        assertThat(statements).hasSize(3);
        assertThat(statements.getLast()).startsWith("INSERT INTO events").doesNotContain("COMMIT");
        assertThat(callers.submit(() -> store().eventLog().readAfter(team.id(), firstSeq - 1, 10)).get(10, TimeUnit.SECONDS))
                .extracting(e -> ((ChatEvent.ConversationUpdated) e).title()).containsExactly("first", "second");
    }

    @Test
    void aRowRefusedInTheCommitsRoundTripFailsTheWriteAndChangesNothing() {
        Conversation team = data.group("Team", data.user("alice"));
        long taken = store().transactor().write(KEY, () -> appendUpdate(team, "first"));

        assertThatThrownBy(() -> store().transactor().write(KEY, () -> {
            store().conversations().nextSeq(team.id());
            // An event under a seq already used: refused only when the write's event is written.
            store().eventLog().append(new ChatEvent.ConversationUpdated(team.id(), taken, Instant.EPOCH, "clash", null, null, null));
            return null;
        })).isInstanceOf(ParleyException.class);

        assertThat(store().conversations().findById(team.id()).orElseThrow().lastSeq()).isEqualTo(taken);
        assertThat(store().transactor().write(KEY, () -> appendUpdate(team, "after"))).isEqualTo(taken + 1);
        assertThat(store().eventLog().readAfter(team.id(), taken - 1, 10))
                .extracting(e -> ((ChatEvent.ConversationUpdated) e).title()).containsExactly("first", "after");
    }

    @Test
    void aReadAsksForItsSnapshotWithItsFirstQuery() {
        User alice = data.user("alice");
        String team = data.group("Team", alice).id();
        List<String> statements = new CopyOnWriteArrayList<>();
        ((PostgresStoreFixture) store()).stores().logStatements(statements::add);

        boolean found = store().transactor().read(() -> store().conversations().findWithMember(team, alice.id())
                .orElseThrow().member() != null && store().conversations().findWithMember(team, "u_nobody").orElseThrow().member() == null);

        // TransactorContract checks that a read sees one snapshot.
        assertThat(found).isTrue();
        assertThat(statements).hasSize(2);
        assertThat(statements.getFirst()).startsWith("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; SELECT");
        assertThat(statements.getLast()).startsWith("SELECT");
    }

    @Test
    void aBatchWhoseSavepointDidNotOpenFailsWholeRatherThanLoseAWriteItAcknowledged() throws Exception {
        data.user("ann");
        Future<?> blocker = occupyTheWriter(KEY);
        Future<User> bea = queue(() -> data.user("bea"), 1);
        Future<User> cal = queue(() -> {
            User user = data.user("cal");
            // Swallowing a failed statement leaves the transaction aborted: the next write's
            // SAVEPOINT fails with its first statement, as a savepoint that could not open would.
            assertThatThrownBy(() -> data.user("ann")).isInstanceOf(ParleyException.class);
            return user;
        }, 2);
        Future<User> dan = queue(() -> data.user("dan"), 3);
        releaseWriter.countDown();
        blocker.get(10, TimeUnit.SECONDS);

        // Rolling back to "batch_item_a" went back to bea's savepoint, past cal's; releasing
        // cal's then failed, and with it the batch: nobody is told of a write the commit lost.
        assertThatThrownBy(() -> bea.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> cal.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> dan.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(RuntimeException.class);
        for (String name : List.of("bea", "cal", "dan")) assertThat(store().users().findByUsername(name)).isEmpty();
        assertThat(store().users().findByUsername("ann")).isPresent();
    }

    private static int lane(String key) {
        return Math.floorMod(key.hashCode(), JdbcStores.POSTGRES_WRITE_LANES);
    }
}
