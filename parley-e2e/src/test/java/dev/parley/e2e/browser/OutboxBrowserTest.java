package dev.parley.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outbox survives a page reload and sends each message exactly once: while the server is
 * down, and when the acknowledgement of a send that did arrive was lost.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(Chromium.Shared.class)
class OutboxBrowserTest {
    private final Chromium chromium;
    private final List<Device> devices = new ArrayList<>();
    private BrowserServer server;

    OutboxBrowserTest(Chromium chromium) {
        this.chromium = chromium;
    }

    @BeforeEach
    void startServer() {
        server = BrowserServer.start();
    }

    @AfterEach
    void stopAll() {
        devices.forEach(Device::close);
        server.close();
    }

    private Device device(String name) {
        Device device = chromium.newDevice(name);
        devices.add(device);
        return device;
    }

    /** While Parley is down, a {@link ShellServer} on its address serves the page (as a front proxy would). */
    @Test
    void aMessageSentWhileTheServerIsDownSurvivesAReloadAndArrivesExactlyOnce() {
        Rest.Account ada = server.rest().register("Ada");
        Rest.Account bob = server.rest().register("Bob");
        String room = server.rest().createGroup(ada, "Offline", bob);
        Device adaPage = device("ada").open(server).bootWithToken(ada);
        Device bobPage = device("bob").open(server).bootWithToken(bob);
        adaPage.eval("id => app.select(id)", room);
        bobPage.eval("id => app.select(id)", room);

        server.stop();
        String clientMessageId;
        try (ShellServer shell = ShellServer.start(server.port())) {
            adaPage.waitFor("() => app.parley.state !== 'live'");
            bobPage.waitFor("() => app.parley.state !== 'live'");
            adaPage.eval("([id, text]) => app.sendLater(id, text)", List.of(room, "Sent while the server was down"));
            adaPage.waitFor("id => app.parley.outboxSize === 1 && app.messages(id).length === 1 && app.messages(id)[0].pending", room);
            clientMessageId = (String) adaPage.eval("id => app.messages(id)[0].clientMessageId", room);

            adaPage.reload();
            adaPage.waitFor("([id, key]) => app.parley && app.parley.outboxSize === 1"
                    + " && app.messages(id).some((m) => m.pending && m.clientMessageId === key)", List.of(room, clientMessageId));
            assertThat(adaPage.eval("() => app.parley.state")).isNotEqualTo("live");
        }
        server.startAgain();
        bobPage.waitForTexts(room, List.of("Sent while the server was down"));
        adaPage.waitFor("id => app.parley.state === 'live' && app.parley.outboxSize === 0", room);
        adaPage.waitForTexts(room, List.of("Sent while the server was down"));
        assertThat(adaPage.messages(room).getFirst()).containsEntry("pending", false).containsEntry("clientMessageId", clientMessageId);

        JsonNode stored = onlyMessagesNamed(bob, room, "Sent while the server was down");
        assertThat(stored.path("clientMessageId").asText()).isEqualTo(clientMessageId);
        assertThat(bobPage.eval("id => app.eventCount('message.created', id)", room)).isEqualTo(1);
        assertThat(adaPage.eval("() => app.failures")).isEqualTo(List.of());
    }

    @Test
    void aSendWhoseAcknowledgementWasLostIsSentAgainAfterAReloadButPostedOnce() {
        Rest.Account ada = server.rest().register("Ada");
        Rest.Account bob = server.rest().register("Bob");
        String room = server.rest().createGroup(ada, "Lost ack", bob);
        Device adaPage = device("ada");
        SocketProxy proxy = new SocketProxy(adaPage.page);
        adaPage.open(server).bootWithToken(ada);
        Device bobPage = device("bob").open(server).bootWithToken(bob);
        bobPage.eval("id => app.select(id)", room);

        proxy.swallowRepliesTo("message.send");
        adaPage.eval("([id, text]) => app.sendLater(id, text)", List.of(room, "Once only"));
        bobPage.waitForTexts(room, List.of("Once only"));
        // Ada's page saw its own message go by, but no acknowledgement: it stays in the outbox.
        adaPage.waitFor("id => app.eventCount('message.created', id) === 1 && app.parley.outboxSize === 1", room);

        proxy.swallowRepliesTo(null);
        adaPage.reload();
        adaPage.waitFor("() => app.parley && app.parley.state === 'live' && app.parley.outboxSize === 0");
        adaPage.eval("id => app.select(id)", room);
        adaPage.waitForTexts(room, List.of("Once only"));

        List<JsonNode> sends = proxy.sent("message.send");
        assertThat(sends).hasSize(2);
        assertThat(sends.get(1).path("data").path("clientMessageId").asText())
                .isEqualTo(sends.get(0).path("data").path("clientMessageId").asText());
        onlyMessagesNamed(bob, room, "Once only");
        assertThat(bobPage.eval("id => app.eventCount('message.created', id)", room)).isEqualTo(1);
        assertThat(bobPage.texts(room)).containsExactly("Once only");
        assertThat(adaPage.messages(room)).singleElement().satisfies(m -> assertThat(m).containsEntry("pending", false));
    }

    @Test
    void aMessageTheServerRefusesLeavesTheOutboxAndIsMarkedFailed() {
        Rest.Account ada = server.rest().register("Ada");
        Rest.Account bob = server.rest().register("Bob");
        String room = server.rest().createGroup(bob, "Not Ada's", server.rest().register("Carol"));
        Device adaPage = device("ada").open(server).bootWithToken(ada);

        Object refused = adaPage.eval("([id, text]) => app.parley.send(id, text).then(() => 'sent', (e) => e.code)",
                List.of(room, "Let me in"));

        assertThat(refused).isEqualTo("not_found");
        assertThat(adaPage.eval("() => app.parley.outboxSize")).isEqualTo(0);
        assertThat(adaPage.messages(room)).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("pending", false).containsEntry("failed", "not_found"));
        assertThat(adaPage.eval("id => app.parley.discard(id, app.messages(id)[0].clientMessageId).then(() => app.messages(id).length)",
                room)).isEqualTo(0);
        assertThat(server.rest().history(bob, room).path("items").size()).isZero();
    }

    /** The one message with this text in the conversation, as the server stores it. */
    private JsonNode onlyMessagesNamed(Rest.Account reader, String room, String text) {
        List<JsonNode> matching = StreamSupport.stream(server.rest().history(reader, room).path("items").spliterator(), false)
                .filter(m -> text.equals(m.path("text").asText())).toList();
        assertThat(matching).as("messages with the text %s on the server", text).hasSize(1);
        return matching.getFirst();
    }
}
