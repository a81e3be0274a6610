package dev.parley.e2e.realtime;

import static dev.parley.e2e.realtime.Socket.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.client.model.Conversation;
import dev.parley.client.model.NewConversation;
import dev.parley.client.model.NewMember;
import dev.parley.client.model.NewMessage;
import dev.parley.client.model.Role;
import dev.parley.e2e.realtime.People.Account;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "State before + replayed events == fresh state": a client's REST snapshot taken at some point,
 * plus the events {@code resume} replays from that point (or the live events after it), applied
 * by a reference reducer ({@link ConversationState}), equals a fresh REST snapshot at the end —
 * for every persisted event kind, from several points, and from the very beginning.
 */
@Timeout(90)
@ExtendWith(SharedRealtimeServer.class)
class ReplayEquivalenceTest {
    private final RealtimeServer server;
    private final People people;

    ReplayEquivalenceTest(RealtimeServer server) {
        this.server = server;
        this.people = new People(server);
    }

    @Test
    void aSnapshotPlusTheReplayedOrLiveEventsEqualsAFreshSnapshotForEveryEventKind() {
        Account ada = people.host("Ada");
        Account bob = people.host("Bob");
        Account carol = people.host("Carol");
        Account dave = people.host("Dave");
        Conversation room = ada.rest().conversations().create(NewConversation.group("Replay",
                NewMember.of(bob.id()), NewMember.of(carol.id(), Role.ADMIN)).withDescription("Before")).value();
        String m1 = ada.rest().messages().send(room.id(), NewMessage.text("r-1", "One")).value().id();
        String m2 = bob.rest().messages().send(room.id(), NewMessage.text("r-2", "Two")).value().id();
        String m3 = bob.rest().messages().send(room.id(), NewMessage.text("r-3", "Three")).value().id();
        ada.rest().messages().react(m2, "👀");

        List<ConversationState> snapshots = new ArrayList<>();
        snapshots.add(ConversationState.fromRest(bob.rest(), room.id()));
        try (Socket adaSocket = Socket.connect(server.socketUri(), ada.token(), "ada-replay");
             Socket carolSocket = Socket.connect(server.socketUri(), carol.token(), "carol-replay");
             Socket daveSocket = Socket.connect(server.socketUri(), dave.token(), "dave-replay");
             Socket bobLive = Socket.connect(server.socketUri(), bob.token(), "bob-live")) {
            adaSocket.resume(Map.of(room.id(), room.lastSeq()));
            carolSocket.resume(Map.of(room.id(), room.lastSeq()));
            daveSocket.resume(Map.of());
            bobLive.resume(Map.of(room.id(), snapshots.getFirst().lastSeq()));

            String m4 = send(adaSocket, room.id(), "r-4", "Four for @Bob", List.of(bob.id()));
            String m5 = send(bobLive, room.id(), "r-5", "Five", List.of());
            adaSocket.ok("message.edit", data("messageId", m1, "text", "One, edited for @Carol",
                    "mentions", List.of(carol.id())));
            bobLive.ok("reaction.add", data("messageId", m1, "emoji", "👍"));
            carolSocket.ok("reaction.add", data("messageId", m1, "emoji", "👍"));
            carolSocket.ok("reaction.add", data("messageId", m2, "emoji", "🎉"));
            bob.rest().messages().unreact(m1, "👍");
            snapshots.add(ConversationState.fromRest(bob.rest(), room.id()));

            adaSocket.ok("message.pin", data("messageId", m2));
            carol.rest().messages().pin(m4);
            adaSocket.ok("message.unpin", data("messageId", m2));
            bobLive.ok("message.delete", data("messageId", m5));
            ada.rest().messages().delete(m3);
            adaSocket.ok("message.edit", data("messageId", m4, "text", "Four, edited once"));
            ada.rest().messages().edit(m4, "Four, edited twice, @all", List.of(), true);
            snapshots.add(ConversationState.fromRest(bob.rest(), room.id()));

            ada.rest().conversations().update(room.id(), "Replay, renamed", "After", null);
            ada.rest().conversations().addMembers(room.id(), List.of(dave.id()), null);
            daveSocket.awaitEvent("conversation.available", e -> e.path("data").path("conversationId").asText()
                    .equals(room.id()));
            ada.rest().conversations().changeRole(room.id(), dave.id(), Role.MODERATOR);
            ada.rest().conversations().changeRole(room.id(), carol.id(), Role.MEMBER);
            send(daveSocket, room.id(), "r-6", "Six, from Dave", List.of());
            ada.rest().conversations().removeMember(room.id(), dave.id());
            ada.rest().conversations().update(room.id(), null, null, "https://example.org/replay.png");
            ada.rest().conversations().archive(room.id());
            ada.rest().conversations().unarchive(room.id());
            send(adaSocket, room.id(), "r-7", "Seven", List.of());
            ada.rest().conversations().archive(room.id());

            ConversationState fresh = ConversationState.fromRest(bob.rest(), room.id());
            assertThat(fresh.view().archived()).isTrue();

            ConversationState live = snapshots.getFirst().copy();
            await().alias("bob's live socket has every event").atMost(Duration.ofSeconds(15))
                    .until(() -> lastSeq(bobLive, room.id()) >= fresh.lastSeq());
            bobLive.conversationEvents(room.id()).forEach(live::apply);
            assertThat(live.view()).as("snapshot 0 + live events").isEqualTo(fresh.view());

            for (int i = 0; i < snapshots.size(); i++) {
                ConversationState replayed = replay(bob, room.id(), snapshots.get(i), "bob-replay-" + i);
                assertThat(replayed.view()).as("snapshot %d (seq %d) + replayed events", i, snapshots.get(i).lastSeq())
                        .isEqualTo(fresh.view());
            }
            ConversationState fromScratch = replay(bob, room.id(), ConversationState.empty(room.id()), "bob-scratch");
            assertThat(fromScratch.view()).as("nothing + every event since the first").isEqualTo(fresh.view());
        }
    }

    /** Resumes a new socket of {@code who} from {@code before}; applies what it replays before the reply. */
    private ConversationState replay(Account who, String conversationId, ConversationState before, String name) {
        try (Socket socket = Socket.connect(server.socketUri(), who.token(), name)) {
            JsonNode reply = socket.request("resume", data("conversations", Map.of(conversationId, before.lastSeq())));
            assertThat(reply.path("type").asText()).as("resume reply %s", reply).isEqualTo("ok");
            List<JsonNode> frames = socket.frames();
            int replyAt = frames.indexOf(reply);
            List<JsonNode> replayed = frames.subList(0, replyAt).stream()
                    .filter(f -> f.path("conversationId").asText().equals(conversationId)).toList();
            assertThat(socket.conversationEvents(conversationId)).as("every event of the replay precedes the reply")
                    .containsExactlyElementsOf(replayed);
            assertThat(reply.path("result").path("tooFarBehind")).isEmpty();
            ConversationState state = before.copy();
            replayed.forEach(state::apply);
            return state;
        }
    }

    private static String send(Socket socket, String conversationId, String clientMessageId, String text,
                               List<String> mentions) {
        return socket.ok("message.send", data("conversationId", conversationId, "clientMessageId", clientMessageId,
                "text", text, "mentions", mentions)).path("message").path("id").asText();
    }

    private static long lastSeq(Socket socket, String conversationId) {
        List<JsonNode> events = socket.conversationEvents(conversationId);
        return events.isEmpty() ? 0 : events.getLast().path("seq").asLong();
    }
}
