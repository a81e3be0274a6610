package dev.parley.client.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.client.model.MessagePage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RequestsTest {
    private static RequestFailedException failure(CompletableFuture<?> future) {
        try {
            future.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return (RequestFailedException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("completed normally");
    }

    @Test
    void markReadSendsTheSeqAndTheStoreClearsItsCounts() throws Exception {
        try (Harness h = new Harness()) {
            h.rest.conversation(Samples.summary("c1", 0, 0, 0, 0));
            h.client.connect();
            FakeWires.Socket socket = h.wires.latest();
            socket.authenticate();
            socket.resume("[]", "[{\"conversationId\":\"c1\",\"lastSeq\":0}]", "[]");
            h.awaitState(ConnectionState.LIVE);
            socket.push(Samples.created("c1", 1, "u_ann", "a"));
            socket.push(Samples.created("c1", 2, "u_ann", "b"));
            Harness.waiting().until(() -> h.client.store().conversation("c1").orElseThrow().unreadCount() == 2);

            CompletableFuture<Long> read = h.client.markRead("c1", 2);
            JsonNode request = socket.answer("read", "{\"readSeq\":2}");

            assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(request.path("data").toString()).isEqualTo("{\"conversationId\":\"c1\",\"seq\":2}");
            assertThat(h.client.store().conversation("c1").orElseThrow().unreadCount()).isZero();
        }
    }

    @Test
    void typedRequestsSendTheirDataAndReadTheirResults() throws Exception {
        try (Harness h = new Harness()) {
            FakeWires.Socket socket = h.live();

            CompletableFuture<Set<String>> focus = h.client.focus("c1");
            socket.answer("focus", "{\"typing\":[\"u_ann\"]}");
            assertThat(focus.get(5, TimeUnit.SECONDS)).containsExactly("u_ann");

            CompletableFuture<List<Presence>> presence = h.client.presence(List.of("u_ann"));
            JsonNode get = socket.answer("presence.get",
                    "{\"items\":[{\"userId\":\"u_ann\",\"status\":\"online\",\"lastSeenAt\":null,\"statusText\":null}]}");
            assertThat(get.path("data").path("userIds").toString()).isEqualTo("[\"u_ann\"]");
            assertThat(presence.get(5, TimeUnit.SECONDS)).extracting(Presence::status).containsExactly(Presence.Status.ONLINE);

            CompletableFuture<Void> react = h.client.react("m1", "👍");
            JsonNode reaction = socket.answer("reaction.add", "{}");
            react.get(5, TimeUnit.SECONDS);
            assertThat(reaction.path("data").toString()).isEqualTo("{\"messageId\":\"m1\",\"emoji\":\"👍\"}");

            CompletableFuture<MessagePage> history = h.client.history("c1", null, 4L, 10);
            JsonNode query = socket.answer("history", "{\"items\":[],\"hasOlder\":true,\"hasNewer\":false}");
            assertThat(query.path("data").toString()).isEqualTo("{\"conversationId\":\"c1\",\"after\":4,\"limit\":10}");
            assertThat(history.get(5, TimeUnit.SECONDS).hasOlder()).isTrue();

            CompletableFuture<Instant> ping = h.client.ping();
            socket.answer("ping", "{\"at\":\"2026-03-01T10:00:00Z\"}");
            assertThat(ping.get(5, TimeUnit.SECONDS)).isEqualTo(Samples.T0);

            assertThat(h.client.store().typing("c1")).isEmpty(); // c1 is not in the store: nothing kept
            assertThat(h.client.store().presence("u_ann")).isPresent();
        }
    }

    @Test
    void anErrorReplyFailsTheFutureWithTheServersCode() {
        try (Harness h = new Harness()) {
            FakeWires.Socket socket = h.live();

            CompletableFuture<Void> pin = h.client.pin("m1");
            socket.refuse("message.pin", "not_found");

            RequestFailedException e = failure(pin);
            assertThat(e.code()).isEqualTo("not_found");
            assertThat(e.errorMessage()).isEqualTo("refused: not_found");
            assertThat(e.isTransient()).isFalse();
        }
    }

    @Test
    void aRequestWithoutReplyTimesOut() {
        try (Harness h = new Harness(b -> b.requestTimeout(Duration.ofMillis(300)))) {
            FakeWires.Socket socket = h.live();

            CompletableFuture<Void> typing = h.client.startTyping("c1");
            socket.next("typing.start");

            assertThat(failure(typing).code()).isEqualTo(RequestFailedException.TIMEOUT);
        }
    }

    @Test
    void aRequestMadeWhileDisconnectedWaitsForTheSocket() throws Exception {
        try (Harness h = new Harness()) {
            CompletableFuture<Long> delivered = h.client.markDelivered("c1", 3);

            FakeWires.Socket socket = h.live();
            socket.answer("delivered", "{\"deliveredSeq\":3}");

            assertThat(delivered.get(5, TimeUnit.SECONDS)).isEqualTo(3);
        }
    }

    @Test
    void aRequestOnASocketThatBreaksFailsAsConnectionLost() {
        try (Harness h = new Harness()) {
            FakeWires.Socket socket = h.live();
            CompletableFuture<Void> unpin = h.client.unpin("m1");
            socket.next("message.unpin");

            socket.close(1006);

            RequestFailedException e = failure(unpin);
            assertThat(e.code()).isEqualTo(RequestFailedException.CONNECTION_LOST);
            assertThat(e.isTransient()).isTrue();
        }
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingIsSent() {
        try (Harness h = new Harness()) {
            assertThatThrownBy(() -> h.client.markRead(null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> h.client.presence(List.of())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> h.client.setPresence(Presence.Status.OFFLINE, null, null))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
