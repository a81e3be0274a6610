package dev.parley.e2e.realtime;

import static dev.parley.e2e.realtime.Socket.data;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.client.model.Conversation;
import dev.parley.client.model.NewConversation;
import dev.parley.client.model.NewMember;
import dev.parley.client.model.Role;
import dev.parley.client.model.SettingsUpdate;
import dev.parley.e2e.realtime.People.Account;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server's frames match docs/api/asyncapi.yaml. A scenario here makes the server send every
 * event of the catalogue and answer every op; then every frame recorded during the run — this
 * class's and those of the realtime tests before it (it runs after them, see the class order) —
 * is validated against the document, and so is every request the server accepted.
 */
@Order(Integer.MAX_VALUE - 1)
@Timeout(120)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedRealtimeServer.class)
class EventSchemaTest {
    private static final int MAX_REPORTED = 30;

    private final RealtimeServer server;
    private final People people;
    private final AsyncApiDocument document = AsyncApiDocument.load();

    EventSchemaTest(RealtimeServer server) {
        this.server = server;
        this.people = new People(server);
    }

    @Test
    @Order(1)
    void aScenarioMakesTheServerSendEveryEventAndAnswerEveryOp() {
        Account ada = people.registered("Ada");
        Account bob = people.host("Bob");
        Account carol = people.host("Carol");
        Conversation room = ada.rest().conversations().create(NewConversation.group("Schema", NewMember.of(bob.id())))
                .value();
        Conversation other = ada.rest().conversations().create(NewConversation.group("Elsewhere", NewMember.of(bob.id())))
                .value();

        try (Socket adaSocket = Socket.connect(server.socketUri(), null, "ada");
             Socket bobSocket = Socket.connect(server.socketUri(), bob.token(), "bob");
             Socket carolSocket = Socket.connect(server.socketUri(), carol.token(), "carol")) {
            assertThat(adaSocket.ok("auth", data("token", ada.token())).path("userId").asText()).isEqualTo(ada.id());
            adaSocket.resume(Map.of(room.id(), 0L, other.id(), other.lastSeq()));
            bobSocket.resume(Map.of(room.id(), 0L, other.id(), other.lastSeq()));
            carolSocket.resume(Map.of());
            bobSocket.awaitEvent("conversation.created", e -> e.path("conversationId").asText().equals(room.id()));
            adaSocket.ok("ping", null);

            assertThat(bobSocket.ok("focus", data("conversationId", room.id())).path("typing").isArray()).isTrue();
            adaSocket.ok("focus", data("conversationId", room.id()));
            adaSocket.ok("typing.start", data("conversationId", room.id()));
            bobSocket.awaitEvent("typing", e -> e.path("data").path("userIds").toString().contains(ada.id()));
            adaSocket.ok("typing.stop", data("conversationId", room.id()));
            bobSocket.awaitEvent("typing", e -> e.path("data").path("userIds").isEmpty());

            JsonNode sent = adaSocket.ok("message.send", data("conversationId", room.id(), "clientMessageId", "schema-1",
                    "text", "Hello @Bob", "mentions", List.of(bob.id())));
            assertThat(sent.path("created").asBoolean()).isTrue();
            String messageId = sent.path("message").path("id").asText();
            long seq = sent.path("message").path("seq").asLong();
            bobSocket.awaitEvent("message.created", e -> e.path("data").path("message").path("id").asText().equals(messageId));
            assertThat(adaSocket.ok("message.send", data("conversationId", room.id(), "clientMessageId", "schema-1",
                    "text", "Hello @Bob")).path("created").asBoolean()).isFalse();

            adaSocket.ok("message.edit", data("messageId", messageId, "text", "Hello again"));
            bobSocket.awaitEvent("message.edited", e -> e.path("data").path("messageId").asText().equals(messageId));
            bobSocket.ok("reaction.add", data("messageId", messageId, "emoji", "👍"));
            adaSocket.awaitEvent("reaction.added", e -> e.path("data").path("userId").asText().equals(bob.id()));
            bobSocket.ok("reaction.remove", data("messageId", messageId, "emoji", "👍"));
            adaSocket.awaitEvent("reaction.removed", e -> e.path("data").path("userId").asText().equals(bob.id()));
            adaSocket.ok("message.pin", data("messageId", messageId));
            bobSocket.awaitEvent("message.pinned", e -> e.path("data").path("messageId").asText().equals(messageId));
            adaSocket.ok("message.unpin", data("messageId", messageId));
            bobSocket.awaitEvent("message.unpinned", e -> e.path("data").path("messageId").asText().equals(messageId));
            adaSocket.ok("message.forward", data("messageId", messageId, "conversationId", other.id(),
                    "clientMessageId", "schema-fwd"));
            bobSocket.awaitEvent("message.created", e -> e.path("conversationId").asText().equals(other.id()));

            bobSocket.ok("delivered", data("conversationId", room.id(), "seq", seq));
            adaSocket.awaitEvent("receipt", e -> e.path("data").path("deliveredSeq").asLong() == seq);
            bobSocket.ok("read", data("conversationId", room.id()));
            adaSocket.awaitEvent("receipt", e -> e.path("data").path("readSeq").asLong() >= seq);
            bobSocket.awaitEvent("unread", e -> e.path("data").path("conversationId").asText().equals(room.id()));
            assertThat(adaSocket.ok("history", data("conversationId", room.id(), "limit", 10)).path("items").size())
                    .isEqualTo(1);

            adaSocket.ok("presence.set", data("status", "away", "statusText", "Lunch"));
            bobSocket.awaitEvent("presence", e -> e.path("data").path("userId").asText().equals(ada.id())
                    && e.path("data").path("status").asText().equals("away"));
            assertThat(bobSocket.ok("presence.get", data("userIds", List.of(ada.id()))).path("items")).hasSize(1);
            assertThat(bobSocket.error("message.edit", data("messageId", messageId, "text", "Not mine"))
                    .path("code").asText()).isEqualTo("forbidden");
            adaSocket.ok("blur", data("conversationId", room.id()));

            ada.rest().conversations().update(room.id(), "Schema, renamed", "About frames", null);
            bobSocket.awaitEvent("conversation.updated", e -> e.path("conversationId").asText().equals(room.id()));
            ada.rest().conversations().addMembers(room.id(), List.of(carol.id()), null);
            carolSocket.awaitEvent("conversation.available", e -> e.path("data").path("conversationId").asText()
                    .equals(room.id()));
            bobSocket.awaitEvent("member.added", e -> e.path("data").path("userId").asText().equals(carol.id()));
            ada.rest().conversations().changeRole(room.id(), carol.id(), Role.MODERATOR);
            bobSocket.awaitEvent("member.role_changed", e -> e.path("data").path("userId").asText().equals(carol.id()));
            ada.rest().conversations().removeMember(room.id(), carol.id());
            bobSocket.awaitEvent("member.removed", e -> e.path("data").path("userId").asText().equals(carol.id()));
            carolSocket.awaitEvent("member.removed", e -> e.path("data").path("userId").asText().equals(carol.id()));
            bob.rest().conversations().updateSettings(room.id(), SettingsUpdate.pinned(true));
            bobSocket.awaitEvent("member.settings_changed", e -> e.path("data").path("settings").path("pinned").asBoolean());
            adaSocket.ok("message.delete", data("messageId", messageId));
            bobSocket.awaitEvent("message.deleted", e -> e.path("data").path("messageId").asText().equals(messageId));
            ada.rest().conversations().archive(room.id());
            bobSocket.awaitEvent("conversation.archived", e -> e.path("data").path("archived").asBoolean());
        }
    }

    @Test
    @Order(2)
    void everyFrameTheServerSentMatchesTheDocument() {
        FrameSchemas schemas = new FrameSchemas(document);
        List<ServerFrames.Frame> frames = ServerFrames.frames();
        Map<String, String> problems = new LinkedHashMap<>();
        for (ServerFrames.Frame frame : frames) {
            JsonNode json;
            try {
                json = Socket.JSON.readTree(frame.text());
            } catch (Exception e) {
                problems.putIfAbsent("not JSON", frame.text());
                continue;
            }
            List<String> errors = schemas.validateServerFrame(json, frame.op());
            if (!errors.isEmpty()) problems.putIfAbsent(kind(json, frame.op()) + ": " + errors, frame.text());
        }
        assertThat(problems.entrySet().stream().limit(MAX_REPORTED).map(e -> e.getKey() + "\n    in " + e.getValue())
                .toList())
                .as("distinct problems of %d recorded frames against docs/api/asyncapi.yaml (at most %d shown)",
                        frames.size(), MAX_REPORTED)
                .isEmpty();
    }

    @Test
    @Order(3)
    void everyRequestTheServerAcceptedMatchesTheDocument() {
        FrameSchemas schemas = new FrameSchemas(document);
        Map<String, String> problems = new LinkedHashMap<>();
        for (ServerFrames.Accepted accepted : ServerFrames.accepted()) {
            try {
                List<String> errors = schemas.validateRequest(accepted.op(), Socket.JSON.readTree(accepted.request()));
                if (!errors.isEmpty()) problems.putIfAbsent(accepted.op() + ": " + errors, accepted.request());
            } catch (Exception e) {
                problems.putIfAbsent(accepted.op() + ": not JSON", accepted.request());
            }
        }
        assertThat(problems.entrySet().stream().limit(MAX_REPORTED).map(e -> e.getKey() + "\n    in " + e.getValue())
                .toList())
                .as("accepted requests that docs/api/asyncapi.yaml refuses (a too strict document or a too lenient server)")
                .isEmpty();
    }

    @Test
    @Order(4)
    void theRunSawEveryEventOfTheCatalogueAndAReplyToEveryOp() {
        Set<String> events = new TreeSet<>();
        Set<String> answered = new TreeSet<>();
        boolean refused = false;
        for (ServerFrames.Frame frame : ServerFrames.frames()) {
            JsonNode json;
            try {
                json = Socket.JSON.readTree(frame.text());
            } catch (Exception e) {
                continue;
            }
            switch (json.path("type").asText()) {
                case "event" -> events.add(json.path("event").asText());
                case "ok" -> answered.add(frame.op());
                case "error" -> refused = true;
                default -> {
                }
            }
        }
        List<String> missingEvents = new ArrayList<>(document.eventMessages().keySet());
        missingEvents.removeAll(events);
        List<String> missingOps = new ArrayList<>(document.ops().keySet());
        missingOps.removeAll(answered);
        assertThat(missingEvents).as("documented events the server never sent").isEmpty();
        assertThat(missingOps).as("documented ops the server never answered with ok").isEmpty();
        assertThat(refused).as("an error reply was seen").isTrue();
    }

    private static String kind(JsonNode frame, String op) {
        return switch (frame.path("type").asText()) {
            case "event" -> "event " + frame.path("event").asText();
            case "ok" -> "reply to " + op;
            default -> frame.path("type").asText();
        };
    }
}
