package dev.parley.client.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.client.realtime.ClientEvent.ConnectionChanged;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(30)
class ConnectionLifecycleTest {

    private static RequestFailedException failure(CompletableFuture<?> future) {
        try {
            future.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RequestFailedException r) return r;
            throw new AssertionError("failed with " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the future completed normally");
    }

    @Test
    void authenticatesWithAnAuthFrameThenResumesAndGoesLive() throws Exception {
        try (Harness h = new Harness()) {
            CompletableFuture<Void> connected = h.client.connect();
            FakeWires.Socket socket = h.wires.latest();

            JsonNode auth = socket.authenticate();
            JsonNode resume = socket.resume();

            connected.get(5, TimeUnit.SECONDS);
            assertThat(auth.path("data").path("token").asText()).isEqualTo("t0");
            assertThat(resume.path("data").path("conversations").isObject()).isTrue();
            assertThat(resume.path("data").path("conversations").size()).isZero();
            assertThat(socket.requests()).extracting(r -> r.path("op").asText()).startsWith("auth", "resume");
            assertThat(h.client.userId()).isEqualTo(Samples.ME);
            assertThat(h.events(ConnectionChanged.class)).extracting(ConnectionChanged::state).containsExactly(
                    ConnectionState.CONNECTING, ConnectionState.AUTHENTICATING, ConnectionState.RESUMING,
                    ConnectionState.SYNCING, ConnectionState.LIVE);
        }
    }

    @Test
    void aSocketThatWentAwayIsReopenedAndResumedFromTheLastAppliedSeq() {
        try (Harness h = new Harness()) {
            h.rest.conversation(Samples.summary("c1", 5, 5, 0, 0));
            h.client.connect();
            FakeWires.Socket first = h.wires.socket(1);
            first.authenticate();
            first.resume("[]", "[{\"conversationId\":\"c1\",\"lastSeq\":5}]", "[]");
            h.awaitState(ConnectionState.LIVE);
            first.push(Samples.created("c1", 6, "u_ann", "six"));
            first.push(Samples.created("c1", 7, "u_ann", "seven"));

            first.close(1001);

            FakeWires.Socket second = h.wires.socket(2);
            second.authenticate();
            JsonNode resume = second.resume();
            assertThat(resume.path("data").path("conversations").path("c1").asLong()).isEqualTo(7);
            h.awaitState(ConnectionState.LIVE);
            assertThat(h.events(ConnectionChanged.class)).anySatisfy(c -> {
                assertThat(c.state()).isEqualTo(ConnectionState.WAITING);
                assertThat(c.closeCode()).isEqualTo(1001);
            });
        }
    }

    @Test
    void aSlowConsumerCloseReconnectsAtOnceEvenWithALongBackoff() {
        try (Harness h = new Harness(b -> b.backoff(Duration.ofSeconds(20), Duration.ofSeconds(60)))) {
            h.live();

            h.wires.socket(1).close(4000);

            FakeWires.Socket second = h.wires.socket(2);
            assertThat(second.next("auth")).isNotNull();
        }
    }

    @Test
    void aServerThatCannotBeReachedIsTriedAgainWithBackoff() {
        try (Harness h = new Harness()) {
            h.wires.refuse(3);
            h.live();

            assertThat(h.events(ConnectionChanged.class)).filteredOn(c -> c.state() == ConnectionState.WAITING)
                    .hasSize(3).allSatisfy(c -> assertThat(c.closeCode()).isEqualTo(1006));
        }
    }

    @Test
    void anExpiredTokenCloseRenewsTheTokenAndReconnectsWithTheNewOne() {
        try (Harness h = new Harness()) {
            h.live();

            h.wires.socket(1).close(4100);

            FakeWires.Socket second = h.wires.socket(2);
            assertThat(second.authenticate().path("data").path("token").asText()).isEqualTo("t1");
            second.resume();
            h.awaitState(ConnectionState.LIVE);
            assertThat(h.tokens.renewals).hasValue(1);
        }
    }

    @Test
    void aRefusedTokenIsRenewedOnceAndARefusedRenewedTokenStopsTheClient() {
        try (Harness h = new Harness()) {
            CompletableFuture<Void> connected = h.client.connect();

            h.wires.socket(1).refuse("auth", "unauthenticated");
            assertThat(h.wires.socket(2).refuse("auth", "unauthenticated").path("data").path("token").asText()).isEqualTo("t1");

            h.awaitState(ConnectionState.CLOSED);
            assertThat(failure(connected).code()).isEqualTo(RequestFailedException.CLOSED);
            assertThat(h.events(ConnectionChanged.class).getLast().closeCode()).isEqualTo(4401);
            assertThat(h.wires.sockets()).hasSize(2);
        }
    }

    @Test
    void whenNoFreshTokenCanBeHadTheClientStops() {
        try (Harness h = new Harness()) {
            h.live();
            h.tokens.dry = true;

            h.wires.socket(1).close(4100);

            h.awaitState(ConnectionState.CLOSED);
            assertThat(h.wires.sockets()).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 4401, 4403})
    void aStopCodeClosesTheClientForGood(int code) {
        try (Harness h = new Harness()) {
            h.live();

            h.wires.socket(1).close(code);

            h.awaitState(ConnectionState.CLOSED);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> h.wires.sockets().size() == 1);
            assertThat(h.events(ConnectionChanged.class).getLast().closeCode()).isEqualTo(code);
            assertThat(failure(h.client.ping()).code()).isEqualTo(RequestFailedException.CLOSED);
        }
    }

    @Test
    void theTokenIsRenewedBeforeItExpiresAndSentInANewAuthFrameOnTheSameSocket() {
        try (Harness h = new Harness(b -> b.tokenRenewLead(Duration.ofSeconds(1)))) {
            h.client.connect();
            FakeWires.Socket socket = h.wires.latest();
            socket.authenticate(Duration.ofMillis(600));
            socket.resume();

            JsonNode again = socket.authenticate(Duration.ofHours(1));

            assertThat(again.path("data").path("token").asText()).isEqualTo("t1");
            assertThat(h.wires.sockets()).hasSize(1);
            assertThat(h.client.state()).isEqualTo(ConnectionState.LIVE);
        }
    }

    @Test
    void aPingWithoutReplyDropsTheSocketAndReconnects() {
        try (Harness h = new Harness(b -> b.pingInterval(Duration.ofMillis(50)).requestTimeout(Duration.ofMillis(500)))) {
            h.live();
            FakeWires.Socket first = h.wires.socket(1);

            assertThat(first.next("ping")).isNotNull();

            FakeWires.Socket second = h.wires.socket(2);
            assertThat(first.aborted).isTrue();
            assertThat(second.next("auth")).isNotNull();
        }
    }

    @Test
    void closeSaysGoodbyeWith1000AndFailsWhatIsPending() {
        Harness h = new Harness();
        FakeWires.Socket socket = h.live();
        CompletableFuture<java.time.Instant> ping = h.client.ping();
        socket.next("ping");

        h.client.close();

        assertThat(failure(ping).code()).isEqualTo(RequestFailedException.CLOSED);
        assertThat(socket.closedWith).isEqualTo(1000);
        assertThat(h.client.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(failure(h.client.send("c1", "too late")).code()).isEqualTo(RequestFailedException.CLOSED);
        h.client.close();
    }
}
