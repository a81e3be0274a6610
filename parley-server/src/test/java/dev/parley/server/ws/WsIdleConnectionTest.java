package dev.parley.server.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a connection keeps while idle, seen from the server: nothing of its upgrade, no HTTP
 * session, and the state only some connections need (focus set, queued frames, backlog, header
 * check) is made on first use and dropped when done.
 */
@Timeout(60)
class WsIdleConnectionTest {
    @TempDir
    static Path dir;

    private static WsFixture fixture;

    @BeforeAll
    static void start() {
        fixture = WsFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static Connection serverSideOf(WsFixture.User user) {
        await().atMost(Duration.ofSeconds(10)).until(() -> fixture.server.realtime().registry.of(user.id()).size() == 1);
        return fixture.server.realtime().registry.of(user.id()).iterator().next();
    }

    @Test
    void aLiveIdleConnectionHoldsOnlyWhatEveryConnectionNeeds() {
        WsFixture.User ann = fixture.register("ann");
        String team = fixture.group(ann);
        WsClient client = fixture.connect(ann);
        client.resume(Map.of(team, 1L));

        Connection connection = serverSideOf(ann);
        assertThat(connection.identity().userId()).isEqualTo(ann.id());
        assertThat(connection.delivery().isLive()).isTrue();
        assertThat(connection.delivery().cursors()).containsOnlyKeys(team);
        await().atMost(Duration.ofSeconds(10)).until(() -> !connection.holdsQueueBuffer());
        assertThat(connection.headerAuthentication()).as("the finished header check is dropped").isNull();
        assertThat(connection.holdsFocusSet()).isFalse();
        assertThat(connection.delivery().holdsBacklog()).isFalse();
        assertThat(connection.session().getUpgradeRequest()).as("nothing of the upgrade request is kept")
                .isSameAs(SocketMount.NOT_KEPT);
        assertThat(connection.session().getUpgradeRequest().getHeaders()).isEmpty();
        assertThat(connection.session().getUpgradeResponse()).isSameAs(SocketMount.NOT_KEPT);
    }

    @Test
    void theFocusSetIsMadeOnTheFirstFocus() {
        WsFixture.User ann = fixture.register("ann");
        String team = fixture.group(ann);
        WsClient client = fixture.live(ann);
        Connection connection = serverSideOf(ann);
        assertThat(connection.holdsFocusSet()).isFalse();

        client.ok("focus", Map.of("conversationId", team));
        assertThat(connection.holdsFocusSet()).isTrue();
        assertThat(connection.focused()).containsExactly(team);
        assertThat(fixture.server.realtime().registry.focusing(team)).containsExactly(connection);

        client.ok("blur", Map.of("conversationId", team));
        assertThat(connection.focused()).isEmpty();
        assertThat(fixture.server.realtime().registry.focusing(team)).isEmpty();
    }

    @Test
    void theQueueDequeIsDroppedOnceADeliveredEventWasWritten() {
        WsFixture.User ann = fixture.register("ann");
        WsFixture.User bob = fixture.register("bob");
        String team = fixture.group(ann, bob);
        WsClient bobClient = fixture.live(bob);
        Connection connection = serverSideOf(bob);

        fixture.send(ann, team, "hello");
        bobClient.awaitEvent("message.created", e -> "hello".equals(e.path("data").path("message").path("text").asText()));

        await().atMost(Duration.ofSeconds(10)).until(() -> !connection.holdsQueueBuffer());
        assertThat(connection.queued()).isZero();
        assertThat(connection.delivery().cursors()).containsKey(team);
    }

    @Test
    void anUpgradeOpensNoHttpSession() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", fixture.server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String head = readHead(socket.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 101");
            assertThat(head.toLowerCase()).doesNotContain("set-cookie");
        }
        assertThat(Set.copyOf(fixture.server.realtime().registry.all())).allSatisfy(connection ->
                assertThat(connection.session().getUpgradeRequest()).isSameAs(SocketMount.NOT_KEPT));
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) break;
            head.append((char) b);
        }
        return head.toString();
    }
}
