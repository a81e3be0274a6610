package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.Ports;
import dev.parley.core.access.Actor;
import dev.parley.core.conversation.Conversation;
import dev.parley.core.conversation.ConversationKind;
import dev.parley.core.conversation.ConversationService;
import dev.parley.core.conversation.NewConversation;
import dev.parley.core.conversation.Role;
import dev.parley.core.event.ChatEvent.InitialMember;
import dev.parley.core.message.Message;
import dev.parley.core.message.MessageService;
import dev.parley.core.message.MessageType;
import dev.parley.core.message.NewMessage;
import dev.parley.core.user.User;
import dev.parley.testkit.ManualClock;
import dev.parley.testkit.RecordingEventBus;
import dev.parley.testkit.StoreFixture;
import dev.parley.testkit.TestPorts;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Counts the SQL statements of a send, so an extra query per message (or per member) shows up as
 * a failing test rather than as a slower server.
 */
class SendPathStatementsTest {
    private static SqliteStoreFixture store;
    private static PostgresStoreFixture postgres;

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private Conversation conversation;
    private User alice;

    @BeforeAll
    static void open() {
        store = SqliteStoreFixture.create();
        postgres = PostgresStoreFixture.create();
    }

    @AfterAll
    static void close() {
        store.close();
        postgres.close();
    }

    @BeforeEach
    void setUp() {
        store.reset();
        postgres.reset();
    }

    /**
     * Alice and Bob in a group on {@code fixture}; every statement {@code stores} runs from then
     * on is added to {@link #statements}. Returns how Alice sends there.
     */
    private Runnable aliceSendingOn(StoreFixture fixture, JdbcStores stores) {
        Ports ports = TestPorts.of(fixture, new ManualClock(), new RecordingEventBus());
        Instant t0 = Instant.parse("2026-01-05T09:00:00Z");
        alice = new User("u_alice", "alice", "Alice", null, null, null, null, t0);
        User bob = new User("u_bob", "bob", "Bob", null, null, null, null, t0);
        fixture.users().insert(alice, null);
        fixture.users().insert(bob, null);
        conversation = new ConversationService(ports).create(Actor.user(alice.id()), new NewConversation(
                ConversationKind.GROUP, "Team", null, null, null, List.of(new InitialMember(bob.id(), Role.MEMBER))))
                .conversation();
        stores.logStatements(statements::add);
        return () -> new MessageService(ports).send(Actor.user(alice.id()), conversation.id(), NewMessage.text("cm-1", "hello"));
    }

    @Test
    void eachStoreCallOfASendIsOneStatement() {
        aliceSendingOn(store, store.stores()).run();

        // The conversation with the sender's membership, the seq with the activity time, the
        // message, its event, and the sender's delivered and read markers; before the commit, once
        // per transaction however many messages it holds, the full-text indexing of the new messages
        // (their texts are read, indexed in one batch, then the list of rows to index is cleared). No lookup whether it is a retry:
        // a retry is refused by the unique key and looked up then.
        assertThat(statements).hasSize(8);
        assertThat(statements.subList(5, 8)).allMatch(sql -> sql.contains("messages_search"));
    }

    @Test
    void onPostgresqlASendIsThreeRoundTripsWithTheSeqTakenInTheMessagesStatement() {
        aliceSendingOn(postgres, postgres.stores()).run();

        // Three round trips: the conversation with the sender's membership; the seq with the
        // message; its event and the sender's markers with the COMMIT. The indexes keep the
        // full-text search.
        assertThat(statements).hasSize(3);
        assertThat(statements.get(1)).startsWith("WITH taken AS (UPDATE conversations SET last_seq")
                .contains("INSERT INTO messages");
        assertThat(statements.get(2)).startsWith("INSERT INTO events").contains("; UPDATE conversation_members SET")
                .endsWith("; COMMIT");
        assertThat(postgres.messages().findByClientMessageId(conversation.id(), alice.id(), "cm-1")).get()
                .extracting(Message::seq).isEqualTo(postgres.conversations().findById(conversation.id()).orElseThrow().lastSeq());
    }

    @Test
    void noStatementOfASendScansATable() {
        aliceSendingOn(store, store.stores()).run();

        for (String sql : statements) {
            // Only the list of messages waiting for the full-text index (alias p) is read whole.
            assertThat(plan(sql)).as(sql).noneMatch(step -> step.startsWith("SCAN") && !step.equals("SCAN p"));
        }
    }

    /** SQLite's EXPLAIN QUERY PLAN steps; unbound parameters are NULL, which does not change the plan. */
    private static List<String> plan(String sql) {
        return ((JdbcTransactor) store.transactor()).reading(h -> {
            List<String> steps = new ArrayList<>();
            try (PreparedStatement explain = h.getConnection().prepareStatement("EXPLAIN QUERY PLAN " + sql);
                 ResultSet rows = explain.executeQuery()) {
                while (rows.next()) steps.add(rows.getString("detail"));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return steps;
        });
    }

    @Test
    void mentionsAddOneBatchedStatement() {
        aliceSendingOn(store, store.stores());
        long seq = store.conversations().nextSeq(conversation.id());
        statements.clear();

        store.messages().insert(new Message("m_1", conversation.id(), seq, alice.id(), "cm-1",
                MessageType.TEXT, "@bob @alice", null, List.of(), null, null,
                List.of("u_bob", "u_alice"), false, null, Instant.EPOCH, null, null, null,
                Message.ThreadStats.NONE));

        // The message, its mentions, and the indexing before the commit.
        assertThat(statements).hasSize(5);
        assertThat(store.messages().findById("m_1").orElseThrow().mentions()).containsExactly("u_bob", "u_alice");
    }
}
