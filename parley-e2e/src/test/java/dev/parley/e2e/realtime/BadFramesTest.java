package dev.parley.e2e.realtime;

import static dev.parley.e2e.realtime.Socket.data;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.client.model.Conversation;
import dev.parley.client.model.NewConversation;
import dev.parley.client.model.NewMember;
import dev.parley.client.model.NewMessage;
import dev.parley.e2e.realtime.People.Account;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad frames at the socket: each gets an error reply (with the request's id, or {@code null} when
 * the frame was no usable request), the connection stays open (except above the transport's hard
 * limit), other people's connections see nothing, and no data changes.
 */
@Timeout(60)
@ExtendWith(SharedRealtimeServer.class)
class BadFramesTest {
    private static final int FRAME_LIMIT = 64 * 1024;
    private static final int HARD_LIMIT = 1024 * 1024;

    private final RealtimeServer server;
    private final People people;
    private Account ada;
    private Account bob;
    private Account eve;
    private Conversation room;
    private String adaMessage;
    private Socket bobSocket;
    private Socket adaSocket;
    private Socket eveSocket;
    private long lastSeqBefore;
    private int bobFramesBefore;

    BadFramesTest(RealtimeServer server) {
        this.server = server;
        this.people = new People(server);
    }

    @BeforeEach
    void aRoomWithABystanderAndAnOutsider() {
        ada = people.host("Ada");
        bob = people.host("Bob");
        eve = people.host("Eve");
        room = ada.rest().conversations().create(NewConversation.group("Guarded", NewMember.of(bob.id()))).value();
        adaMessage = ada.rest().messages().send(room.id(), NewMessage.text("g-1", "Hands off")).value().id();
        lastSeqBefore = ada.rest().conversations().get(room.id()).conversation().lastSeq();
        adaSocket = Socket.connect(server.socketUri(), ada.token(), "ada-guard");
        bobSocket = Socket.connect(server.socketUri(), bob.token(), "bob-bystander");
        eveSocket = Socket.connect(server.socketUri(), eve.token(), "eve-bad");
        adaSocket.resume(Map.of(room.id(), lastSeqBefore));
        bobSocket.resume(Map.of(room.id(), lastSeqBefore));
        eveSocket.resume(Map.of());
        bobFramesBefore = bobSocket.frames().size();
    }

    @AfterEach
    void nothingChangedAndTheOthersStayedConnected() {
        assertThat(ada.rest().conversations().get(room.id()).conversation().lastSeq()).as("no event was recorded")
                .isEqualTo(lastSeqBefore);
        assertThat(ada.rest().messages().get(adaMessage).text()).isEqualTo("Hands off");
        assertThat(bobSocket.ok("ping", null).path("at").isTextual()).isTrue();
        assertThat(adaSocket.ok("ping", null).path("at").isTextual()).isTrue();
        assertThat(bobSocket.frames().subList(bobFramesBefore, bobSocket.frames().size()))
                .as("the bystander received nothing but its ping reply").hasSize(1);
        adaSocket.close();
        bobSocket.close();
        eveSocket.close();
    }

    @Test
    void framesThatAreNoUsableRequestAreRefusedWithANullId() {
        List<String> bad = List.of(
                "this is not JSON",
                "{\"id\": \"1\", \"op\": ",
                "[\"ping\"]",
                "\"ping\"",
                "{\"op\": \"ping\"}",
                "{\"id\": 17, \"op\": \"ping\"}",
                "{\"id\": \"\", \"op\": \"ping\"}",
                "{\"id\": \"" + "x".repeat(65) + "\", \"op\": \"ping\"}");
        List<JsonNode> refusals = new ArrayList<>();
        for (String frame : bad) {
            eveSocket.raw(frame);
            refusals.add(eveSocket.awaitRefusal(refusals.size()));
        }
        assertThat(refusals).allSatisfy(r -> assertThat(r.path("error").path("code").asText()).isEqualTo("validation_failed"));
        assertThat(refusals).allSatisfy(r -> assertThat(r.path("error").path("message").asText()).isNotBlank());

        eveSocket.rawBinary("{\"id\":\"b\",\"op\":\"ping\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(eveSocket.awaitRefusal(refusals.size()).path("error").path("code").asText())
                .isEqualTo("unsupported_media_type");

        String oversized = "{\"id\":\"big\",\"op\":\"message.send\",\"data\":{\"conversationId\":\"" + room.id()
                + "\",\"clientMessageId\":\"big-1\",\"text\":\"" + "a".repeat(FRAME_LIMIT) + "\"}}";
        eveSocket.raw(oversized);
        assertThat(eveSocket.awaitRefusal(refusals.size() + 1).path("error").path("code").asText())
                .isEqualTo("payload_too_large");
        assertThat(eveSocket.ok("ping", null).path("at").isTextual()).as("the connection is still usable").isTrue();
        assertThat(eveSocket.isOpen()).isTrue();
    }

    @Test
    void requestsWithBadOpsOrDataGetAValidationErrorWithTheirId() {
        assertThat(eveSocket.error("message.explode", data("conversationId", room.id())).path("code").asText())
                .isEqualTo("validation_failed");
        assertInvalid(eveSocket.request("message.send", data("clientMessageId", "x-1", "text", "No conversation")),
                "conversationId");
        assertInvalid(adaSocket.request("message.send", data("conversationId", room.id(), "text", "No client id")),
                "clientMessageId");
        assertInvalid(adaSocket.request("message.send", data("conversationId", room.id(), "clientMessageId", "x-2",
                "text", 42)), "text");
        assertInvalid(adaSocket.request("message.send", data("conversationId", room.id(), "clientMessageId", "x 3",
                "text", "Bad client id")), "clientMessageId");
        assertInvalid(adaSocket.request("message.send", data("conversationId", room.id(), "clientMessageId", "x-4",
                "text", "t".repeat(10_001))), "text");
        assertInvalid(adaSocket.request("read", data("conversationId", room.id(), "seq", "five")), "seq");
        assertInvalid(adaSocket.request("read", data("conversationId", room.id(), "seq", lastSeqBefore + 1)), "seq");
        assertInvalid(adaSocket.request("delivered", data("conversationId", room.id(), "seq", -1)), "seq");
        assertInvalid(adaSocket.request("message.edit", data("messageId", adaMessage)), "text");
        assertInvalid(adaSocket.request("presence.set", data("status", "invisible")), "status");
        assertThat(adaSocket.error("message.send", "not an object").path("code").asText()).isEqualTo("validation_failed");
        assertThat(adaSocket.error("message.send", null).path("code").asText()).isEqualTo("validation_failed");
    }

    @Test
    void aConversationICannotSeeIsNotFoundAndAnActionIMayNotTakeIsForbidden() {
        List<JsonNode> outsider = List.of(
                eveSocket.error("message.send", data("conversationId", room.id(), "clientMessageId", "e-1", "text", "Hi")),
                eveSocket.error("focus", data("conversationId", room.id())),
                eveSocket.error("typing.start", data("conversationId", room.id())),
                eveSocket.error("read", data("conversationId", room.id())),
                eveSocket.error("delivered", data("conversationId", room.id(), "seq", 1)),
                eveSocket.error("history", data("conversationId", room.id())),
                eveSocket.error("reaction.add", data("messageId", adaMessage, "emoji", "😈")),
                eveSocket.error("message.delete", data("messageId", adaMessage)),
                eveSocket.error("message.edit", data("messageId", adaMessage, "text", "Mine now")),
                eveSocket.error("message.pin", data("messageId", adaMessage)),
                eveSocket.error("message.forward", data("messageId", adaMessage, "conversationId", room.id(),
                        "clientMessageId", "e-2")));
        assertThat(outsider).allSatisfy(e -> assertThat(e.path("code").asText()).isEqualTo("not_found"));

        List<JsonNode> member = List.of(
                bobSocket.error("message.edit", data("messageId", adaMessage, "text", "Not mine")),
                bobSocket.error("message.delete", data("messageId", adaMessage)),
                bobSocket.error("message.pin", data("messageId", adaMessage)));
        assertThat(member).allSatisfy(e -> assertThat(e.path("code").asText()).isEqualTo("forbidden"));
        bobFramesBefore += member.size();
    }

    @Test
    void aFrameAboveTheHardLimitClosesOnlyThatConnectionWith1009() {
        // In fragments the server reads whole; only the last, small one crosses the limit, so the
        // server closes with nothing of ours unread and the close frame is not lost to a reset.
        List<String> parts = new ArrayList<>();
        parts.add("{\"id\":\"huge\",\"op\":\"ping\",\"data\":{\"pad\":\"");
        for (int i = 0; i < 16; i++) parts.add("z".repeat(HARD_LIMIT / 16 - 64));
        parts.add("z".repeat(2_000) + "\"}}");
        eveSocket.rawInParts(parts);
        assertThat(eveSocket.awaitClosed(Duration.ofSeconds(10))).isEqualTo(1009);
    }

    private static void assertInvalid(JsonNode reply, String field) {
        assertThat(reply.path("type").asText()).as("reply %s", reply).isEqualTo("error");
        assertThat(reply.path("id").isTextual()).as("the reply names the request: %s", reply).isTrue();
        assertThat(reply.path("error").path("code").asText()).as("reply %s", reply).isEqualTo("validation_failed");
        List<String> fields = new ArrayList<>();
        reply.path("error").path("details").forEach(d -> fields.add(d.path("field").asText()));
        assertThat(fields).as("fields named by %s", reply).contains(field);
    }
}
