package dev.parley.client.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class JdkWireTest {
    private final MiniWebSocketServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> closes = new LinkedBlockingQueue<>();
    private final Wire.Listener listener = new Wire.Listener() {
        @Override
        public void text(String frame) {
            frames.add(frame);
        }

        @Override
        public void closed(int code, String reason) {
            closes.add(code + " " + reason);
        }
    };

    JdkWireTest() throws Exception {
        server = new MiniWebSocketServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        http.shutdownNow();
    }

    private Wire open(int maxFrameChars) throws Exception {
        return JdkWire.connector(http, Duration.ofSeconds(5), maxFrameChars)
                .open(server.uri(), Map.of("X-Test", "yes"), listener).get(5, TimeUnit.SECONDS);
    }

    private static String poll(BlockingQueue<String> queue) throws InterruptedException {
        String value = queue.poll(5, TimeUnit.SECONDS);
        if (value == null) throw new AssertionError("nothing within 5 seconds");
        return value;
    }

    @Test
    void framesGoOutInOrderEvenWhenSentFasterThanTheSocketWrites() throws Exception {
        Wire wire = open(1 << 20);
        MiniWebSocketServer.Connection connection = server.accept();

        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String frame = "{\"n\":" + i + ",\"pad\":\"" + "x".repeat(i * 10) + "\"}";
            sent.add(frame);
            wire.send(frame);
        }

        List<String> received = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) received.add(connection.nextText());
        assertThat(received).isEqualTo(sent);
        assertThat(connection.headers).containsEntry("x-test", "yes");
    }

    @Test
    void fragmentedAndLargeFramesArriveWhole() throws Exception {
        open(1 << 20);
        MiniWebSocketServer.Connection connection = server.accept();
        String large = "é".repeat(200_000);

        connection.sendFragmented("{\"type\":\"ok\",\"id\":\"1\"}", 4);
        connection.sendText(large);

        assertThat(poll(frames)).isEqualTo("{\"type\":\"ok\",\"id\":\"1\"}");
        assertThat(poll(frames)).isEqualTo(large);
    }

    @Test
    void theServersCloseCodeIsReportedAndTheCloseAnswered() throws Exception {
        open(1 << 20);
        MiniWebSocketServer.Connection connection = server.accept();

        connection.sendClose(4100, "token expired");

        assertThat(poll(closes)).isEqualTo("4100 token expired");
        assertThat(connection.nextCloseCode()).isEqualTo(1000);
    }

    @Test
    void aConnectionCutWithoutACloseFrameIsReportedAs1006() throws Exception {
        open(1 << 20);
        server.accept().drop();

        assertThat(poll(closes)).startsWith("1006");
    }

    @Test
    void aFrameAboveTheLimitDropsTheSocketAndIsReportedAs1009() throws Exception {
        open(1_000);
        server.accept().sendText("y".repeat(5_000));

        assertThat(poll(closes)).startsWith("1009");
        assertThat(frames).isEmpty();
    }

    @Test
    void pingsAreAnsweredAndCloseSendsTheCode() throws Exception {
        Wire wire = open(1 << 20);
        MiniWebSocketServer.Connection connection = server.accept();

        connection.sendPing("are you there");
        assertThat(connection.nextPong()).isEqualTo("are you there");

        wire.close(1000, "bye");
        assertThat(connection.nextCloseCode()).isEqualTo(1000);
    }

    @Test
    void theSocketAddressFollowsTheServersBaseUrl() {
        assertThat(JdkWire.socketUri(URI.create("http://localhost:8080"))).isEqualTo(URI.create("ws://localhost:8080/ws"));
        assertThat(JdkWire.socketUri(URI.create("https://chat.example.org/parley/")))
                .isEqualTo(URI.create("wss://chat.example.org/parley/ws"));
    }
}
