package dev.parley.client.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.client.ParleyClient;
import dev.parley.client.model.Message;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client over a real WebSocket (the JDK's, against {@link MiniWebSocketServer}): connect, events, send, reconnect. */
@Timeout(30)
class RealSocketTest {
    private static JsonNode read(String frame) throws Exception {
        return RealtimeJson.MAPPER.readTree(frame);
    }

    private static JsonNode expect(MiniWebSocketServer.Connection connection, String op) throws Exception {
        JsonNode request = read(connection.nextText());
        assertThat(request.path("op").asText()).isEqualTo(op);
        return request;
    }

    private static void ok(MiniWebSocketServer.Connection connection, JsonNode request, String result) throws Exception {
        connection.sendText(Samples.ok(request.path("id").asText(), result));
    }

    private static void handshake(MiniWebSocketServer.Connection connection, String expectedPositions) throws Exception {
        ok(connection, expect(connection, "auth"), "{\"userId\":\"u_me\",\"expiresAt\":\"2999-01-01T00:00:00Z\"}");
        JsonNode resume = expect(connection, "resume");
        assertThat(resume.path("data").path("conversations").toString()).isEqualTo(expectedPositions);
        ok(connection, resume, "{\"tooFarBehind\":[],\"unknown\":[],\"removed\":[]}");
    }

    @Test
    void aClientOnARealSocketFollowsEventsSendsAndResumesAfterTheServerWentAway() throws Exception {
        try (MiniWebSocketServer server = new MiniWebSocketServer();
             ParleyRealtime client = ParleyRealtime.builder(ParleyClient.builder("http://127.0.0.1:9").build())
                     .uri(server.uri()).tokenSource(new FakeTokens()).restAccess(new FakeRest())
                     .backoff(Duration.ofMillis(1), Duration.ofMillis(20)).random(new Random(3))
                     .pingInterval(Duration.ZERO).noDeliveredAcks().build()) {
            CompletableFuture<Void> connected = client.connect();
            MiniWebSocketServer.Connection first = server.accept();
            handshake(first, "{}");
            connected.get(5, TimeUnit.SECONDS);

            first.sendText(Samples.conversationCreated("c1", "u_ann", "u_me"));
            first.sendText(Samples.created("c1", 2, "u_ann", "hello"));
            CompletableFuture<Message> sent = client.send("c1", "hi back");
            JsonNode send = expect(first, "message.send");
            Message echo = Samples.message("m3", "c1", 3, "u_me", "hi back");
            ok(first, send, "{\"message\":" + Samples.json(echo) + ",\"created\":true}");
            first.sendText(Samples.created(echo));
            assertThat(sent.get(5, TimeUnit.SECONDS).id()).isEqualTo("m3");
            Harness.waiting().until(() -> client.store().messages("c1").size() == 2);

            first.sendClose(1001, "server restarting");
            MiniWebSocketServer.Connection second = server.accept();
            handshake(second, "{\"c1\":3}");

            Harness.waiting().until(() -> client.state() == ConnectionState.LIVE);
            assertThat(client.store().messages("c1")).extracting(Message::text).containsExactly("hello", "hi back");
            assertThat(client.store().conversation("c1").orElseThrow().unreadCount()).isZero();

            client.close();
            assertThat(second.nextCloseCode()).isEqualTo(1000);
        }
    }
}
