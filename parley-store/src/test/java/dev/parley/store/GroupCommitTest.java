package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.parley.core.access.Actor;
import dev.parley.core.conversation.Conversation;
import dev.parley.core.message.Message;
import dev.parley.core.message.MessageService;
import dev.parley.core.message.NewMessage;
import dev.parley.core.message.SendResult;
import dev.parley.core.search.SearchHit;
import dev.parley.core.search.SearchQuery;
import dev.parley.core.user.User;
import dev.parley.store.search.SearchParts;
import dev.parley.store.search.SqliteSearchIndex;
import dev.parley.testkit.ManualClock;
import dev.parley.testkit.RecordingEventBus;
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
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Group commit on SQLite: writes queued behind a busy writer commit together, each in its own
 * savepoint, and each caller learns its own outcome only after the shared commit.
 */
@Timeout(30)
class GroupCommitTest {
    private static SqliteStoreFixture store;

    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch writerBusy = new CountDownLatch(1);
    private final CountDownLatch releaseWriter = new CountDownLatch(1);
    private ContractData data;
    private JdbcTransactor transactor;

    @BeforeAll
    static void open() {
        store = SqliteStoreFixture.create();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @BeforeEach
    void setUp() {
        store.reset();
        data = new ContractData(store);
        transactor = (JdbcTransactor) store.transactor();
    }

    @AfterEach
    void stopCallers() {
        releaseWriter.countDown();
        callers.shutdownNow();
    }

    @Test
    void queuedWritesShareOneTransactionAndAFailureRollsBackOnlyItsOwn() throws Exception {
        AtomicInteger commits = new AtomicInteger();
        Future<?> blocker = occupyTheWriter();
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
        assertThat(store.users().findByUsername("cal")).isEmpty();
        assertThat(store.users().findByUsername("dan")).isPresent();
    }

    @Test
    void aSavepointRolledBackForgetsTheBeforeCommitWorkItAskedFor() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        Future<?> blocker = occupyTheWriter();
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
        MessageService messages = new MessageService(TestPorts.of(store, new ManualClock(), new RecordingEventBus()));
        Future<?> blocker = occupyTheWriter();
        Future<SendResult> first = queue(() -> messages.send(Actor.user(alice.id()), team.id(),
                NewMessage.text("cm-same", "hello")), 1);
        Future<SendResult> retry = queue(() -> messages.send(Actor.user(alice.id()), team.id(),
                NewMessage.text("cm-same", "hello")), 2);
        releaseWriter.countDown();
        blocker.get(10, TimeUnit.SECONDS);

        assertThat(first.get().created()).isTrue();
        assertThat(retry.get().created()).isFalse();
        assertThat(retry.get().message().id()).isEqualTo(first.get().message().id());
        assertThat(store.messages().countLive(team.id())).isEqualTo(1);
    }

    @Test
    void messagesEditedOrDeletedInTheTransactionThatInsertedThemAreIndexedAsTheyEnd() throws Exception {
        User alice = data.user("alice");
        Conversation team = data.group("Team", alice);
        Future<?> blocker = occupyTheWriter();
        Future<Message> edited = queue(() -> {
            Message m = data.message(team, alice, "draft about apples");
            store.messages().edit(m.id(), "final about oranges", List.of(), false, Instant.EPOCH, null);
            return m;
        }, 1);
        Future<Message> deleted = queue(() -> {
            Message m = data.message(team, alice, "secret about apples");
            store.messages().markDeleted(m.id(), alice.id(), Instant.EPOCH);
            return m;
        }, 2);
        Future<Object> rolledBack = queue(() -> {
            data.message(team, alice, "rolled back apples");
            throw new IllegalStateException("refused");
        }, 3);
        Future<Message> kept = queue(() -> data.message(team, alice, "kept apples"), 4);
        releaseWriter.countDown();
        blocker.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(rolledBack::get).hasRootCauseInstanceOf(IllegalStateException.class);

        assertThat(search(alice, "apples")).containsExactly(kept.get().id());
        assertThat(search(alice, "oranges")).containsExactly(edited.get().id());
        assertThat(search(alice, "draft")).isEmpty();
        assertThat(deleted.get()).isNotNull();
        store.messages().edit(kept.get().id(), "kept pears", List.of(), false, Instant.EPOCH, null);
        assertThat(search(alice, "apples")).isEmpty();
        assertThat(search(alice, "pears")).containsExactly(kept.get().id());
        assertIndexesIntact();
    }

    /** Blocks the writer thread in a write until {@link #releaseWriter}; returns that write. */
    private Future<?> occupyTheWriter() throws InterruptedException {
        Future<?> blocker = callers.submit(() -> store.transactor().write(() -> {
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
    private <T> Future<T> queue(Supplier<T> work, int position) {
        Future<T> future = callers.submit(() -> store.transactor().write(work));
        await().atMost(10, TimeUnit.SECONDS).until(() -> transactor.queuedWrites() == position);
        return future;
    }

    private List<String> search(User user, String text) {
        return store.messages().search(user.id(), new SearchQuery(text, null, null, null, null, null, 0, 20)).stream()
                .map(SearchHit::message).map(Message::id).toList();
    }

    /**
     * The full-text index holds exactly the terms (with rowids, columns and positions) that
     * indexing the live texts afresh gives: nothing missing, nothing left of old or deleted texts.
     */
    private void assertIndexesIntact() {
        long differences = transactor.writing(GroupCommitTest::differencesFromAFreshIndex);
        assertThat(differences).isZero();
    }

    private record LiveText(long rowNo, String text, String conversationId) {
    }

    private static long differencesFromAFreshIndex(Handle h) {
        h.execute("CREATE VIRTUAL TABLE temp.fresh USING fts5(words, parts, conversation,"
                + " tokenize = 'unicode61 remove_diacritics 2')");
        h.createQuery("SELECT row_no, text, conversation_id FROM messages WHERE text IS NOT NULL")
                .map((rs, ctx) -> new LiveText(rs.getLong("row_no"), rs.getString("text"), rs.getString("conversation_id")))
                .list()
                .forEach(live -> h.execute("INSERT INTO temp.fresh (rowid, words, parts, conversation) VALUES (?, ?, ?, ?)",
                        live.rowNo(), SearchParts.words(live.text()), SearchParts.parts(live.text()),
                        SqliteSearchIndex.conversationToken(live.conversationId())));
        h.execute("CREATE VIRTUAL TABLE temp.kept_terms USING fts5vocab(main, messages_search, instance)");
        h.execute("CREATE VIRTUAL TABLE temp.fresh_terms USING fts5vocab(temp, fresh, instance)");
        long differences = h.createQuery("""
                SELECT (SELECT COUNT(*) FROM (SELECT term, doc, col, offset FROM temp.kept_terms
                                              EXCEPT SELECT term, doc, col, offset FROM temp.fresh_terms))
                     + (SELECT COUNT(*) FROM (SELECT term, doc, col, offset FROM temp.fresh_terms
                                              EXCEPT SELECT term, doc, col, offset FROM temp.kept_terms))""")
                .mapTo(Long.class).one();
        for (String table : List.of("kept_terms", "fresh_terms", "fresh")) h.execute("DROP TABLE temp." + table);
        return differences;
    }
}
