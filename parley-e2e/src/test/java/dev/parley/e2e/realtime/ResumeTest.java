package dev.parley.e2e.realtime;

import static dev.parley.e2e.realtime.Socket.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.client.model.Conversation;
import dev.parley.client.model.NewConversation;
import dev.parley.client.model.NewMember;
import dev.parley.client.model.NewMessage;
import dev.parley.e2e.realtime.People.Account;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The resume contract: what is replayed, what the reply lists, and the seam between replay and live. */
@Timeout(90)
@ExtendWith(SharedRealtimeServer.class)
class ResumeTest {
    private final RealtimeServer server;
    private final People people;

    ResumeTest(RealtimeServer server) {
        this.server = server;
        this.people = new People(server);
    }

    @Test
    void theReplyListsConversationsJoinedWhileAwayAndThoseNoLongerMine() {
        Account ada = people.host("Ada");
        Account bob = people.host("Bob");
        Conversation kept = group(ada, "Kept", bob);
        Conversation left = group(ada, "Left", bob);
        ada.rest().messages().send(kept.id(), NewMessage.text("k-1", "Still here"));
        ada.rest().conversations().removeMember(left.id(), bob.id());
        Conversation joined = group(ada, "Joined", bob);
        ada.rest().messages().send(joined.id(), NewMessage.text("j-1", "Welcome"));
        long joinedLastSeq = ada.rest().conversations().get(joined.id()).conversation().lastSeq();

        try (Socket socket = Socket.connect(server.socketUri(), bob.token(), "bob-resume")) {
            JsonNode result = socket.resume(Map.of(kept.id(), kept.lastSeq(), left.id(), left.lastSeq(),
                    "c_does_not_exist", 3L));

            assertThat(result.path("removed")).extracting(JsonNode::asText)
                    .containsExactlyInAnyOrder(left.id(), "c_does_not_exist");
            assertThat(result.path("unknown")).hasSize(1);
            assertThat(result.path("unknown").get(0).path("conversationId").asText()).isEqualTo(joined.id());
            assertThat(result.path("unknown").get(0).path("lastSeq").asLong()).isEqualTo(joinedLastSeq);
            assertThat(result.path("tooFarBehind")).isEmpty();
            assertThat(socket.conversationEvents(kept.id())).extracting(e -> e.path("event").asText())
                    .containsExactly("message.created");
            assertThat(socket.conversationEvents(left.id())).as("nothing of a conversation I left").isEmpty();
            assertThat(socket.conversationEvents(joined.id())).as("nothing of a conversation I did not name").isEmpty();
        }
    }

    @Test
    void aClientTooFarBehindIsToldSoAndOneJustWithinTheWindowGetsEverything() {
        Account ada = people.host("Ada");
        Account bob = people.host("Bob");
        Conversation busy = group(ada, "Busy", bob);
        int window = SharedRealtimeServer.RESUME_MAX_EVENTS;
        try (Socket writer = Socket.connect(server.socketUri(), ada.token(), "ada-busy")) {
            writer.resume(Map.of());
            for (int i = 0; i < window + 5; i++) {
                writer.ok("message.send", data("conversationId", busy.id(), "clientMessageId", "b-" + i, "text", "#" + i));
            }
        }
        long lastSeq = ada.rest().conversations().get(busy.id()).conversation().lastSeq();

        try (Socket behind = Socket.connect(server.socketUri(), bob.token(), "bob-behind")) {
            JsonNode result = behind.resume(Map.of(busy.id(), lastSeq - window - 1));
            assertThat(result.path("tooFarBehind")).hasSize(1);
            assertThat(result.path("tooFarBehind").get(0).path("conversationId").asText()).isEqualTo(busy.id());
            assertThat(result.path("tooFarBehind").get(0).path("lastSeq").asLong()).isEqualTo(lastSeq);
            assertThat(behind.conversationEvents(busy.id())).as("nothing replayed when too far behind").isEmpty();
        }
        try (Socket within = Socket.connect(server.socketUri(), bob.token(), "bob-within")) {
            JsonNode result = within.resume(Map.of(busy.id(), lastSeq - window));
            assertThat(result.path("tooFarBehind")).isEmpty();
            assertThat(within.conversationEvents(busy.id())).extracting(e -> e.path("seq").asLong())
                    .containsExactlyElementsOf(LongStream.rangeClosed(lastSeq - window + 1, lastSeq).boxed().toList());
        }
    }

    @Test
    void eventsCommittedWhileTheReplayRunsAreNeitherLostNorRepeated() {
        Account ada = people.host("Ada");
        Account bob = people.host("Bob");
        Conversation room = group(ada, "Seam", bob);
        for (int i = 0; i < 30; i++) ada.rest().messages().send(room.id(), NewMessage.text("s-" + i, "Before " + i));
        for (int round = 0; round < 3; round++) {
            long from = ada.rest().conversations().get(room.id()).conversation().lastSeq() - 25;
            int r = round;
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 10; i++) {
                    ada.rest().messages().send(room.id(), NewMessage.text("w-" + r + "-" + i, "During " + i));
                }
            });
            try (Socket socket = Socket.connect(server.socketUri(), bob.token(), "bob-seam-" + round)) {
                socket.resume(Map.of(room.id(), from));
                writing.join();
                long last = ada.rest().conversations().get(room.id()).conversation().lastSeq();
                await().atMost(Duration.ofSeconds(15)).until(() -> seqs(socket, room.id()).contains(last));
                assertThat(seqs(socket, room.id())).as("round %d: every event after %d exactly once, in order", round, from)
                        .containsExactlyElementsOf(LongStream.rangeClosed(from + 1, last).boxed().toList());
            }
        }
    }

    private static List<Long> seqs(Socket socket, String conversationId) {
        List<Long> seqs = new ArrayList<>();
        socket.conversationEvents(conversationId).forEach(e -> seqs.add(e.path("seq").asLong()));
        return seqs;
    }

    private static Conversation group(Account owner, String title, Account... members) {
        NewMember[] others = new NewMember[members.length];
        for (int i = 0; i < members.length; i++) others[i] = NewMember.of(members[i].id());
        return owner.rest().conversations().create(NewConversation.group(title, others)).value();
    }
}
