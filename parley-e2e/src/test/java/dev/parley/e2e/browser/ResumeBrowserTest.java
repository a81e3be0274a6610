package dev.parley.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The socket breaks and the SDK recovers: it reconnects as the close code says, resumes from
 * the positions it holds, and ends with every event applied exactly once.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(Chromium.Shared.class)
class ResumeBrowserTest {
    private static BrowserServer server;
    private final Chromium chromium;
    private final List<Device> devices = new ArrayList<>();

    ResumeBrowserTest(Chromium chromium) {
        this.chromium = chromium;
    }

    @BeforeAll
    static void startServer() {
        server = BrowserServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void closeDevices() {
        devices.forEach(Device::close);
    }

    private Device device(String name) {
        Device device = chromium.newDevice(name);
        devices.add(device);
        return device;
    }

    @Test
    void aDroppedSocketReconnectsAndResumesWithoutLossOrDuplicates() {
        Rest.Account ada = server.rest().register("Ada");
        Rest.Account bob = server.rest().register("Bob");
        String room = server.rest().createGroup(ada, "Resume", bob);
        server.rest().send(ada, room, "r0", "before the break");
        Device bobPage = device("bob");
        SocketProxy proxy = new SocketProxy(bobPage.page);
        bobPage.open(server).bootWithToken(bob);
        bobPage.eval("id => app.select(id)", room);
        bobPage.waitForTexts(room, List.of("before the break"));
        Object position = bobPage.counts(room).get("lastSeq");

        proxy.refuse(true);
        proxy.drop(1011);
        // The first attempt after the drop is refused; wait until the next one is under way.
        bobPage.waitFor("() => app.events.filter((e) => e.name === 'state' && e.state === 'connecting').length >= 3");
        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            sent.add(server.rest().send(ada, room, "r" + i, "missed " + i).path("id").asText());
        }
        server.rest().edit(ada, sent.get(1), "missed 2, edited");
        server.rest().react(ada, sent.get(2), "🎉");
        proxy.refuse(false);

        bobPage.waitForTexts(room, List.of("before the break", "missed 1", "missed 2, edited", "missed 3", "missed 4", "missed 5"));
        bobPage.waitFor("() => app.parley.state === 'live'");
        // "before the break" came with the conversation list; the five others as replayed events, once each.
        assertThat(bobPage.eval("id => app.eventCount('message.created', id)", room)).isEqualTo(5);
        assertThat(bobPage.eval("id => app.eventCount('message.edited', id)", room)).isEqualTo(1);
        assertThat(bobPage.eval("id => app.eventCount('reaction.added', id)", room)).isEqualTo(1);
        assertThat(bobPage.eval("([room, id]) => app.messages(room).find((m) => m.id === id).reactions", List.of(room, sent.get(2))))
                .isEqualTo(List.of(Map.of("emoji", "🎉", "count", 1, "me", false)));
        assertThat(bobPage.eval("id => app.messages(id).every((m, i, all) => i === 0 || all[i - 1].seq < m.seq)", room)).isEqualTo(true);
        bobPage.waitForCounts(room, 6, 0);
        assertThat(bobPage.serverCounts(room)).containsEntry("unread", 6).containsEntry("lastSeq", bobPage.counts(room).get("lastSeq"));

        List<JsonNode> resumes = proxy.sent("resume");
        assertThat(resumes).hasSizeGreaterThanOrEqualTo(2);
        assertThat(resumes.getLast().path("data").path("conversations").path(room).asInt()).isEqualTo(((Number) position).intValue());
        assertThat(proxy.connections()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aLostEventShowsAsAGapAndIsRecoveredByResumingOnANewConnection() {
        Rest.Account ada = server.rest().register("Ada");
        Rest.Account bob = server.rest().register("Bob");
        String room = server.rest().createGroup(ada, "Gap", bob);
        Device bobPage = device("bob");
        SocketProxy proxy = new SocketProxy(bobPage.page);
        bobPage.open(server).bootWithToken(bob);
        bobPage.eval("id => app.select(id)", room);

        proxy.loseNext(frame -> "message.created".equals(frame.path("event").asText())
                && "gap 2".equals(frame.path("data").path("message").path("text").asText()));
        long first = server.rest().send(ada, room, "g1", "gap 1").path("seq").asLong();
        server.rest().send(ada, room, "g2", "gap 2");
        server.rest().send(ada, room, "g3", "gap 3");

        bobPage.waitForTexts(room, List.of("gap 1", "gap 2", "gap 3"));
        assertThat(proxy.lost()).hasSize(1);
        assertThat(bobPage.eval("id => app.eventCount('message.created', id)", room)).isEqualTo(3);
        List<JsonNode> resumes = proxy.sent("resume");
        assertThat(resumes).hasSize(2);
        assertThat(resumes.get(1).path("data").path("conversations").path(room).asLong()).isEqualTo(first);
        assertThat(proxy.connections()).isEqualTo(2);
    }

    @Test
    void closeCodesDecideWhetherAndHowToReconnect() {
        Rest.Account bob = server.rest().register("Bob");
        Device bobPage = device("bob");
        SocketProxy proxy = new SocketProxy(bobPage.page);
        bobPage.open(server).boot(Map.of("token", bob.token(), "viaGetToken", true));
        assertThat(bobPage.eval("() => app.tokenRequests.includes(true)")).isEqualTo(false);

        proxy.drop(4100);
        bobPage.waitFor("() => app.parley.state === 'live' && app.tokenRequests.includes(true)");
        proxy.drop(4000);
        bobPage.waitFor("() => app.events.filter((e) => e.name === 'state' && e.state === 'live').length === 3");
        assertThat(proxy.connections()).isEqualTo(3);

        proxy.drop(4403);
        bobPage.waitFor("() => app.parley.state === 'stopped'");
        assertThat(proxy.connections()).isEqualTo(3);
        assertThat(bobPage.eval("() => app.events.filter((e) => e.name === 'error').length")).isEqualTo(1);
    }
}
