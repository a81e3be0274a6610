package dev.parley.bench.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.bench.ceiling.CeilingServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bench's raw WebSocket client against the ceiling server (same stack as Parley), in process. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WsClientTest {
    private CeilingServer ceiling;

    @BeforeEach
    void start() {
        ceiling = CeilingServer.start(0);
    }

    @AfterEach
    void stop() {
        ceiling.close();
    }

    private static final class Recorder implements WsClient.Listener {
        final List<String> texts = new CopyOnWriteArrayList<>();
        volatile int closeCode;

        @Override
        public void onText(WsClient client, String text) {
            texts.add(text);
        }

        @Override
        public void onClosed(WsClient client, int code, Throwable error) {
            closeCode = code;
        }
    }

    @Test
    void connectsFromAnotherLoopbackAddressAndExchangesFrames() throws Exception {
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", ceiling.port());
        Recorder alice = new Recorder();
        Recorder bob = new Recorder();
        WsClient a = WsClient.connect(server, InetAddress.getByName("127.0.0.2"), "/ws", Map.of()).start(alice);
        WsClient b = WsClient.connect(server, null, "/ws", Map.of()).start(bob);
        a.send("{\"id\":\"1\",\"op\":\"resume\",\"data\":{\"conversations\":{\"c_x\":1}}}");
        b.send("{\"id\":\"1\",\"op\":\"resume\",\"data\":{\"conversations\":{\"c_x\":1}}}");
        await().atMost(Duration.ofSeconds(10)).until(() -> alice.texts.size() == 1 && bob.texts.size() == 1);

        String longText = "ü".repeat(70_000); // > 64 KiB in UTF-8: a 64-bit length frame each way
        a.send("{\"id\":\"2\",\"op\":\"message.send\",\"data\":{\"conversationId\":\"c_x\",\"clientMessageId\":\"m-1\",\"text\":"
                + JsonScan.quote(longText) + "}}");

        await().atMost(Duration.ofSeconds(10)).until(() -> bob.texts.size() == 2 && alice.texts.size() == 3);
        String event = bob.texts.get(1);
        assertThat(JsonScan.string(event, "event")).isEqualTo("message.created");
        assertThat(JsonScan.number(event, -1, "seq")).isEqualTo(2);
        assertThat(JsonScan.string(event, "data", "message", "text")).isEqualTo(longText);
        assertThat(alice.texts).anySatisfy(t -> assertThat(JsonScan.string(t, "id")).isEqualTo("2"));

        a.close();
        b.close();
        assertThat(a.isOpen()).isFalse();
    }

    @Test
    void refusesAServerThatDoesNotUpgrade() {
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", ceiling.port());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WsClient.connect(server, null, "/healthz", Map.of()))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("Upgrade refused");
    }
}
