package dev.parley.client.realtime;

import static org.awaitility.Awaitility.await;

import dev.parley.client.ParleyClient;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.awaitility.core.ConditionFactory;

/** A {@link ParleyRealtime} on fakes: a scripted socket server, an in-memory REST side, numbered tokens. */
final class Harness implements AutoCloseable {
    final FakeWires wires = new FakeWires();
    final FakeRest rest = new FakeRest();
    final FakeTokens tokens = new FakeTokens();
    final List<RealtimeEvent> events = new CopyOnWriteArrayList<>();
    final ParleyRealtime client;
    CompletableFuture<Void> connected;

    Harness() {
        this(b -> { });
    }

    /** {@code tweak} may change the builder's defaults (fast backoff, no pings, no delivered acks). */
    Harness(Consumer<ParleyRealtimeBuilder> tweak) {
        ParleyRealtimeBuilder builder = ParleyRealtime.builder(ParleyClient.builder("http://127.0.0.1:9").build())
                .connector(wires).restAccess(rest).tokenSource(tokens)
                .backoff(Duration.ofMillis(1), Duration.ofMillis(20)).random(new Random(7))
                .pingInterval(Duration.ZERO).noDeliveredAcks().requestTimeout(Duration.ofSeconds(3));
        tweak.accept(builder);
        client = builder.build();
        client.on(RealtimeEvent.class, events::add);
    }

    /** Connects, authenticates, resumes with empty lists; returns the socket once the client is live. */
    FakeWires.Socket live() {
        connected = client.connect();
        FakeWires.Socket socket = wires.latest();
        socket.authenticate();
        socket.resume();
        awaitState(ConnectionState.LIVE);
        return socket;
    }

    void awaitState(ConnectionState state) {
        waiting().until(() -> client.state() == state);
    }

    /** Awaitility polling every few milliseconds, for up to 5 seconds. */
    static ConditionFactory waiting() {
        return await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5));
    }

    <E extends RealtimeEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void close() {
        client.close();
    }
}
