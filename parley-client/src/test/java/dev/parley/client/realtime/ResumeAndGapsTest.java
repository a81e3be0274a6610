package dev.parley.client.realtime;

import static dev.parley.client.realtime.Samples.created;
import static dev.parley.client.realtime.Samples.message;
import static dev.parley.client.realtime.Samples.summary;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.client.model.Message;
import dev.parley.client.model.Message.ThreadInfo;
import dev.parley.client.realtime.ClientEvent.ConversationLoaded;
import dev.parley.client.realtime.ClientEvent.LoadReason;
import dev.parley.client.realtime.ConversationEvent.MessageCreated;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ResumeAndGapsTest {

    /** Live with c1 loaded as unknown at seq 5 (messages 1–5 by u_ann, all read). */
    private static FakeWires.Socket liveWithC1(Harness h) {
        Message[] history = LongStream.rangeClosed(1, 5).mapToObj(s -> message("m" + s, "c1", s, "u_ann", "#" + s))
                .toArray(Message[]::new);
        h.rest.conversation(summary("c1", 5, 5, 0, 0), history);
        h.client.connect();
        FakeWires.Socket socket = h.wires.latest();
        socket.authenticate();
        socket.resume("[]", "[{\"conversationId\":\"c1\",\"lastSeq\":5}]", "[]");
        h.awaitState(ConnectionState.LIVE);
        return socket;
    }

    private static List<Long> createdSeqs(Harness h, String conversationId) {
        return h.events(MessageCreated.class).stream().filter(e -> e.conversationId().equals(conversationId))
                .map(MessageCreated::seq).toList();
    }

    @Test
    void anUnknownConversationIsLoadedThroughRestBeforeTheClientIsLive() {
        try (Harness h = new Harness()) {
            liveWithC1(h);

            assertThat(h.client.store().messages("c1")).extracting(Message::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
            ConversationView c1 = h.client.store().conversation("c1").orElseThrow();
            assertThat(c1.lastSeq()).isEqualTo(5);
            assertThat(c1.readSeq()).isEqualTo(5);
            assertThat(h.events(ConversationLoaded.class)).containsExactly(new ConversationLoaded("c1", LoadReason.UNKNOWN));
            assertThat(h.rest.calls).containsExactly("summaries [c1]", "members c1", "history c1 limit=50");
        }
    }

    @Test
    void aRepeatedEventIsAppliedOnce() {
        try (Harness h = new Harness()) {
            FakeWires.Socket socket = liveWithC1(h);

            socket.push(created("c1", 6, "u_ann", "six"));
            socket.push(created("c1", 6, "u_ann", "six"));
            socket.push(created("c1", 4, "u_ann", "old"));
            socket.push(created("c1", 7, "u_ann", "seven"));

            Harness.waiting().until(() -> createdSeqs(h, "c1").contains(7L));
            assertThat(createdSeqs(h, "c1")).containsExactly(6L, 7L);
            assertThat(h.client.store().conversation("c1").orElseThrow().unreadCount()).isEqualTo(2);
        }
    }

    @Test
    void anEventAfterAGapWaitsWhileThatConversationIsResumedThenAllFollowInOrder() {
        try (Harness h = new Harness()) {
            FakeWires.Socket socket = liveWithC1(h);

            socket.push(created("c1", 8, "u_ann", "eight"));

            JsonNode resume = socket.next("resume");
            assertThat(resume.path("data").path("conversations").toString()).isEqualTo("{\"c1\":5}");
            assertThat(createdSeqs(h, "c1")).isEmpty();
            socket.push(created("c1", 6, "u_ann", "six"));
            socket.push(created("c1", 7, "u_ann", "seven"));
            socket.push(created("c1", 8, "u_ann", "eight"));
            socket.resume();

            Harness.waiting().until(() -> createdSeqs(h, "c1").size() == 3);
            assertThat(createdSeqs(h, "c1")).containsExactly(6L, 7L, 8L);
            assertThat(h.client.store().messages("c1")).extracting(Message::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
            assertThat(h.wires.sockets()).hasSize(1);
        }
    }

    @Test
    void aGapTheResumeDoesNotFillMakesTheClientReconnect() {
        try (Harness h = new Harness()) {
            FakeWires.Socket first = liveWithC1(h);

            first.push(created("c1", 8, "u_ann", "eight"));
            first.resume();

            FakeWires.Socket second = h.wires.socket(2);
            assertThat(first.aborted).isTrue();
            second.authenticate();
            assertThat(second.resume().path("data").path("conversations").path("c1").asLong()).isEqualTo(5);
            assertThat(createdSeqs(h, "c1")).isEmpty();
        }
    }

    @Test
    void aConversationTooFarBehindIsBackfilledThroughRestPageByPageThenFollowsLive() {
        try (Harness h = new Harness()) {
            FakeWires.Socket first = liveWithC1(h);
            List<Message> later = new ArrayList<>();
            for (long s = 6; s <= 250; s++) later.add(message("m" + s, "c1", s, "u_bob", "#" + s));
            Message root = later.get(120 - 6);
            later.set(120 - 6, new Message(root.id(), "c1", 120, "u_bob", root.clientMessageId(), root.type(), root.text(),
                    null, List.of(), null, null, List.of(), false, null, root.createdAt(), null, null, null,
                    new ThreadInfo(1, Samples.at(121), List.of("u_ann")), List.of(), false, null));
            later.set(121 - 6, Samples.reply(message("m121", "c1", 121, "u_ann", "in thread"), "m120"));
            h.rest.add("c1", later.toArray(Message[]::new));
            h.rest.summary(summary("c1", 250, 5, 245, 0));
            h.rest.calls.clear();

            first.close(1011);
            FakeWires.Socket second = h.wires.socket(2);
            second.authenticate();
            second.resume("[{\"conversationId\":\"c1\",\"lastSeq\":250}]", "[]", "[]");
            second.push(created("c1", 251, "u_bob", "live"));

            Harness.waiting().until(() -> createdSeqs(h, "c1").contains(251L));
            assertThat(h.rest.calls).containsExactly("summaries [c1]", "members c1",
                    "history c1 after=0 limit=100", "history c1 after=100 limit=100", "history c1 after=201 limit=100",
                    "history c1 after=0 thread=m120 limit=100");
            assertThat(h.client.store().messages("c1")).extracting(Message::seq)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 251).boxed().toList());
            assertThat(h.client.store().thread("c1", "m120")).extracting(Message::id).containsExactly("m121");
            assertThat(h.events(ConversationLoaded.class)).last().isEqualTo(new ConversationLoaded("c1", LoadReason.TOO_FAR_BEHIND));
            ConversationView c1 = h.client.store().conversation("c1").orElseThrow();
            assertThat(c1.lastSeq()).isEqualTo(251);
            assertThat(c1.unreadCount()).isEqualTo(246);
        }
    }

    @Test
    void removedConversationsAreDroppedAndUnknownOnesLoaded() {
        try (Harness h = new Harness()) {
            FakeWires.Socket first = liveWithC1(h);
            h.rest.conversation(summary("c3", 4, 0, 1, 0), message("m3-4", "c3", 4, "u_ann", "welcome"));

            first.close(1001);
            FakeWires.Socket second = h.wires.socket(2);
            second.authenticate();
            second.resume("[]", "[{\"conversationId\":\"c3\",\"lastSeq\":4}]", "[\"c1\"]");
            second.push(created("c3", 5, "u_ann", "more"));

            Harness.waiting().until(() -> createdSeqs(h, "c3").contains(5L));
            assertThat(h.client.store().conversation("c1")).isEmpty();
            assertThat(h.events(ClientEvent.ConversationRemoved.class)).containsExactly(new ClientEvent.ConversationRemoved("c1"));
            assertThat(h.client.store().messages("c3")).extracting(Message::seq).containsExactly(4L, 5L);
            assertThat(h.client.store().conversation("c3").orElseThrow().unreadCount()).isEqualTo(2);

            second.close(1001);
            FakeWires.Socket third = h.wires.socket(3);
            third.authenticate();
            assertThat(third.resume().path("data").path("conversations").toString()).isEqualTo("{\"c3\":5}");
        }
    }

    @Test
    void eventsOfAConversationBeingLoadedWaitForTheLoadAndWhatItContainsIsNotAppliedTwice() throws Exception {
        try (Harness h = new Harness()) {
            FakeWires.Socket socket = liveWithC1(h);
            h.rest.conversation(summary("c5", 4, 0, 1, 0), message("m5-4", "c5", 4, "u_ann", "four"));
            CountDownLatch gate = new CountDownLatch(1);
            h.rest.gate = gate;

            socket.push(Samples.live("conversation.available", "{\"conversationId\":\"c5\",\"lastSeq\":3}"));
            socket.push(created(message("m5-4", "c5", 4, "u_ann", "four")));
            socket.push(created("c5", 5, "u_ann", "five"));
            Harness.waiting().until(() -> h.rest.calls.contains("summaries [c5]"));
            assertThat(h.client.store().conversation("c5")).isEmpty();
            assertThat(h.client.state()).isEqualTo(ConnectionState.LIVE);

            gate.countDown();

            Harness.waiting().until(() -> createdSeqs(h, "c5").contains(5L));
            assertThat(createdSeqs(h, "c5")).containsExactly(5L);
            assertThat(h.client.store().messages("c5")).extracting(Message::seq).containsExactly(4L, 5L);
            assertThat(h.client.store().conversation("c5").orElseThrow().unreadCount()).isEqualTo(2);
            assertThat(h.events(ConversationLoaded.class)).last().isEqualTo(new ConversationLoaded("c5", LoadReason.AVAILABLE));
        }
    }

    @Test
    void anEventOfAConversationNotKnownYetLoadsIt() {
        try (Harness h = new Harness()) {
            FakeWires.Socket socket = liveWithC1(h);
            h.rest.conversation(summary("c8", 3, 0, 0, 0));

            socket.push(Samples.event("c8", 3, "member.added", "{\"userId\":\"u_me\",\"role\":\"member\",\"byUserId\":\"u_ann\"}"));
            socket.push(created("c8", 4, "u_ann", "hi"));

            Harness.waiting().until(() -> createdSeqs(h, "c8").contains(4L));
            assertThat(h.client.store().conversation("c8").orElseThrow().lastSeq()).isEqualTo(4);
        }
    }

    @Test
    void aConversationCreatedWhileLiveIsFollowedFromItsFirstEventWithoutRest() {
        try (Harness h = new Harness()) {
            FakeWires.Socket socket = liveWithC1(h);
            h.rest.calls.clear();

            socket.push(Samples.conversationCreated("c9", "u_ann", Samples.ME));
            socket.push(created("c9", 2, "u_ann", "first"));

            Harness.waiting().until(() -> createdSeqs(h, "c9").contains(2L));
            assertThat(h.rest.calls).isEmpty();
            assertThat(h.client.store().members("c9")).containsOnlyKeys("u_ann", Samples.ME);
        }
    }

    @Test
    void aFailedLoadIsRetried() {
        try (Harness h = new Harness()) {
            h.rest.failures.set(2);

            liveWithC1(h);

            assertThat(h.rest.calls).filteredOn(c -> c.startsWith("summaries")).hasSize(3);
            assertThat(h.client.store().messages("c1")).hasSize(5);
        }
    }

    @Test
    void beingRemovedDropsTheConversation() {
        try (Harness h = new Harness()) {
            FakeWires.Socket socket = liveWithC1(h);

            socket.push(Samples.memberRemoved("c1", 6, Samples.ME));

            // The store drops the conversation before listeners hear of it: wait for both.
            Harness.waiting().until(() -> h.client.store().conversation("c1").isEmpty()
                    && !h.events(ClientEvent.ConversationRemoved.class).isEmpty());
            assertThat(h.events(ConversationEvent.MemberRemoved.class)).hasSize(1);
            assertThat(h.events(ClientEvent.ConversationRemoved.class)).containsExactly(new ClientEvent.ConversationRemoved("c1"));
        }
    }
}
