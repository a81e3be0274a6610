package dev.parley.e2e.realtime;

import static dev.parley.e2e.realtime.Socket.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.client.model.Conversation;
import dev.parley.client.model.DeliveryStatus;
import dev.parley.client.model.NewConversation;
import dev.parley.client.model.NewMember;
import dev.parley.client.model.NewMessage;
import dev.parley.e2e.realtime.People.Account;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two people with several devices each (Ada three, Bob two) in one conversation: everything
 * reaches every device of both, typing shows on focused devices and expires, presence follows
 * connections (with a short grace on the shared server), receipts go sent → delivered → read,
 * and every device's unread badge equals the one REST reports.
 */
@Timeout(90)
@ExtendWith(SharedRealtimeServer.class)
class MultiDeviceTest {
    private final RealtimeServer server;
    private final People people;
    private final List<Device> devices = new ArrayList<>();
    private Account ada;
    private Account bob;
    private Conversation room;
    private Device ada1;
    private Device ada2;
    private Device ada3;
    private Device bob1;
    private Device bob2;

    MultiDeviceTest(RealtimeServer server) {
        this.server = server;
        this.people = new People(server);
    }

    @BeforeEach
    void twoPeopleWithFiveDevices() {
        ada = people.host("Ada");
        bob = people.host("Bob");
        room = ada.rest().conversations().create(NewConversation.group("Devices", NewMember.of(bob.id()))).value();
        ada1 = device(ada, "ada-1", true);
        ada2 = device(ada, "ada-2", false);
        ada3 = device(ada, "ada-3", true);
        bob1 = device(bob, "bob-1", true);
        bob2 = device(bob, "bob-2", false);
    }

    @AfterEach
    void closeDevices() {
        devices.forEach(Device::close);
    }

    @Test
    void messagesEditsDeletesAndReactionsReachEveryDeviceOfBothPeople() {
        JsonNode sent = ada1.socket().ok("message.send", data("conversationId", room.id(), "clientMessageId", "md-1",
                "text", "From Ada's first device"));
        String messageId = sent.path("message").path("id").asText();
        everyDeviceGets("message.created", messageId);

        ada2.socket().ok("message.edit", data("messageId", messageId, "text", "Edited on Ada's second device"));
        everyDeviceGets("message.edited", messageId);
        bob1.socket().ok("reaction.add", data("messageId", messageId, "emoji", "🚀"));
        everyDeviceGets("reaction.added", messageId);
        bob2.socket().ok("reaction.remove", data("messageId", messageId, "emoji", "🚀"));
        everyDeviceGets("reaction.removed", messageId);
        String overRest = bob.rest().messages().send(room.id(), NewMessage.text("md-2", "Sent over REST")).value().id();
        everyDeviceGets("message.created", overRest);
        ada3.socket().ok("message.delete", data("messageId", messageId));
        everyDeviceGets("message.deleted", messageId);

        long lastSeq = ada.rest().conversations().get(room.id()).conversation().lastSeq();
        for (Device device : devices) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !device.socket().conversationEvents(room.id()).isEmpty()
                    && device.socket().conversationEvents(room.id()).getLast().path("seq").asLong() == lastSeq);
            assertThat(device.socket().conversationEvents(room.id())).as("%s: the same events in the same order", device)
                    .isEqualTo(ada1.socket().conversationEvents(room.id()));
        }
    }

    @Test
    void typingShowsOnFocusedDevicesAndEndsOnStopOrAfterFiveSeconds() {
        bob1.socket().ok("focus", data("conversationId", room.id()));
        ada1.socket().ok("typing.start", data("conversationId", room.id()));
        bob1.socket().awaitEvent("typing", typers(ada.id()));
        assertThat(bob2.socket().ok("focus", data("conversationId", room.id())).path("typing"))
                .extracting(JsonNode::asText).containsExactly(ada.id());
        ada1.socket().ok("typing.stop", data("conversationId", room.id()));
        bob1.socket().awaitEvent("typing", typers());
        bob2.socket().awaitEvent("typing", typers());
        bob2.socket().ok("blur", data("conversationId", room.id()));
        int bob2Typing = bob2.socket().events("typing").size();

        long started = System.nanoTime();
        ada2.socket().ok("typing.start", data("conversationId", room.id()));
        int seen = bob1.socket().events("typing").size();
        bob1.socket().awaitEvent("typing", typers(ada.id()));
        await().alias("typing expires without a refresh").atMost(Duration.ofSeconds(9)).pollInterval(Duration.ofMillis(50))
                .until(() -> bob1.socket().events("typing").stream().skip(seen)
                        .anyMatch(e -> e.path("data").path("userIds").isEmpty()));
        Duration shown = Duration.ofNanos(System.nanoTime() - started);
        assertThat(shown).as("typing shown until it expired").isGreaterThan(Duration.ofSeconds(4));
        assertThat(bob2.socket().events("typing")).as("a device that blurred the conversation gets no typing").hasSize(bob2Typing);
    }

    @Test
    void presenceFollowsConnectionsAndTellsWhenSomeoneWasLastSeen() {
        Account carol = people.host("Carol");
        ada.rest().conversations().addMembers(room.id(), List.of(carol.id()), null);
        JsonNode before = ada1.socket().ok("presence.get", data("userIds", List.of(carol.id()))).path("items");
        assertThat(before).allSatisfy(p -> assertThat(p.path("status").asText()).isEqualTo("offline"));

        Device carol1 = device(carol, "carol-1", true);
        ada1.socket().awaitEvent("presence", presence(carol.id(), "online"));
        bob2.socket().awaitEvent("presence", presence(carol.id(), "online"));
        Device carol2 = device(carol, "carol-2", false);
        carol2.socket().ok("presence.set", data("status", "dnd", "statusText", "Focus time"));
        ada2.socket().awaitEvent("presence", e -> presence(carol.id(), "dnd").test(e)
                && e.path("data").path("statusText").asText().equals("Focus time"));
        carol2.socket().ok("presence.set", data("status", "online", "statusText", null));
        ada2.socket().awaitEvent("presence", e -> presence(carol.id(), "online").test(e)
                && e.path("data").path("statusText").isNull());

        int offlineBefore = ada1.socket().events("presence").size();
        carol1.close();
        carol2.close();
        JsonNode offline = ada1.socket().awaitEvent("presence", presence(carol.id(), "offline"), Duration.ofSeconds(10));
        assertThat(ada1.socket().events("presence").subList(offlineBefore, ada1.socket().events("presence").size()))
                .as("one transition to offline, after the last device closed")
                .filteredOn(e -> e.path("data").path("userId").asText().equals(carol.id())).hasSize(1);
        assertThat(offline.path("data").path("lastSeenAt").isTextual()).isTrue();
        JsonNode after = ada3.socket().ok("presence.get", data("userIds", List.of(carol.id()))).path("items").get(0);
        assertThat(after.path("status").asText()).isEqualTo("offline");
        assertThat(after.path("lastSeenAt").asText()).isEqualTo(offline.path("data").path("lastSeenAt").asText());
    }

    @Test
    void theSenderSeesDeliveredThenReadOnEveryDevice() {
        JsonNode sent = ada1.socket().ok("message.send", data("conversationId", room.id(), "clientMessageId", "rc-1",
                "text", "Did you get this?"));
        String messageId = sent.path("message").path("id").asText();
        long seq = sent.path("message").path("seq").asLong();
        assertThat(sent.path("message").path("delivery").path("status").asText()).isEqualTo("sent");

        bob2.socket().awaitEvent("message.created", e -> e.path("seq").asLong() == seq);
        bob2.socket().ok("delivered", data("conversationId", room.id(), "seq", seq));
        for (Device device : List.of(ada1, ada2, ada3)) {
            device.socket().awaitEvent("receipt", receipt(bob.id(), "deliveredSeq", seq));
        }
        assertThat(ada.rest().messages().get(messageId).delivery().status()).isEqualTo(DeliveryStatus.DELIVERED_ALL);

        bob1.socket().ok("read", data("conversationId", room.id(), "seq", seq));
        for (Device device : List.of(ada1, ada2, ada3, bob1, bob2)) {
            device.socket().awaitEvent("receipt", receipt(bob.id(), "readSeq", seq));
        }
        assertThat(ada.rest().messages().get(messageId).delivery().status()).isEqualTo(DeliveryStatus.READ_ALL);
        assertThat(ada.rest().messages().get(messageId).delivery().readerIds()).containsExactly(bob.id());
    }

    @Test
    void everyDeviceShowsTheUnreadBadgeRestReports() {
        long first = sendAsAda("u-1", "One", List.of()).path("seq").asLong();
        sendAsAda("u-2", "Two, for @Bob", List.of(bob.id()));
        String thirdId = sendAsAda("u-3", "Three", List.of()).path("id").asText();
        badgesMatchRest(3, 1);

        bob1.socket().ok("read", data("conversationId", room.id(), "seq", first));
        badgesMatchRest(2, 1);
        for (Device device : List.of(bob1, bob2)) {
            device.socket().awaitEvent("unread", e -> e.path("data").path("conversationId").asText().equals(room.id())
                    && e.path("data").path("unreadCount").asLong() == 2);
        }

        ada2.socket().ok("message.delete", data("messageId", thirdId));
        badgesMatchRest(1, 1);

        bob2.socket().ok("read", data("conversationId", room.id()));
        badgesMatchRest(0, 0);
        for (Device device : List.of(bob1, bob2)) {
            device.socket().awaitEvent("unread", e -> e.path("data").path("conversationId").asText().equals(room.id())
                    && e.path("data").path("unreadCount").asLong() == 0 && e.path("data").path("mentionCount").asLong() == 0);
        }
    }

    /** Waits until every device's badge is {@code unread}, then checks it against REST for both people. */
    private void badgesMatchRest(long bobUnread, long bobMentions) {
        long lastSeq = ada.rest().conversations().get(room.id()).conversation().lastSeq();
        for (Device device : devices) {
            long expected = device.owner() == bob ? bobUnread : 0;
            await().alias(device + " shows " + expected + " unread").atMost(Duration.ofSeconds(10))
                    .until(() -> device.unread(room.id()) == expected && caughtUp(device, lastSeq));
            var rest = device.restSummary(room.id());
            assertThat(rest.unreadCount()).as("%s: REST badge", device).isEqualTo(expected);
            if (device.owner() == bob) assertThat(rest.mentionCount()).as("%s: REST mentions", device).isEqualTo(bobMentions);
        }
    }

    private boolean caughtUp(Device device, long lastSeq) {
        List<JsonNode> events = device.socket().conversationEvents(room.id());
        return !events.isEmpty() && events.getLast().path("seq").asLong() >= lastSeq;
    }

    private JsonNode sendAsAda(String clientMessageId, String text, List<String> mentions) {
        return ada3.socket().ok("message.send", data("conversationId", room.id(), "clientMessageId", clientMessageId,
                "text", text, "mentions", mentions)).path("message");
    }

    private void everyDeviceGets(String event, String messageId) {
        for (Device device : devices) {
            device.socket().awaitEvent(event, e -> messageId.equals(e.path("data").path("messageId").asText())
                    || messageId.equals(e.path("data").path("message").path("id").asText()));
        }
    }

    private Device device(Account owner, String name, boolean byHeader) {
        Device device = Device.connect(server, owner, name, byHeader, List.of(room.id()));
        devices.add(device);
        return device;
    }

    private static java.util.function.Predicate<JsonNode> typers(String... userIds) {
        return e -> {
            List<String> ids = new ArrayList<>();
            e.path("data").path("userIds").forEach(id -> ids.add(id.asText()));
            return ids.equals(List.of(userIds));
        };
    }

    private static java.util.function.Predicate<JsonNode> presence(String userId, String status) {
        return e -> e.path("data").path("userId").asText().equals(userId)
                && e.path("data").path("status").asText().equals(status);
    }

    private java.util.function.Predicate<JsonNode> receipt(String userId, String marker, long seq) {
        return e -> e.path("data").path("conversationId").asText().equals(room.id())
                && e.path("data").path("userId").asText().equals(userId)
                && e.path("data").path(marker).asLong() >= seq;
    }
}
