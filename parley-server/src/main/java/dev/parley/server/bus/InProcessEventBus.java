package dev.parley.server.bus;

import dev.parley.core.event.ChatEvent;
import dev.parley.core.event.UserEvent;
import dev.parley.core.port.EventBus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event bus of a single node. {@link #publish} only queues the event and returns at once;
 * delivery runs on a fixed set of lanes (one virtual thread each), a conversation's events and a
 * user's events always on the same lane, so they reach subscribers in order. Publishers of one
 * conversation commit in seq order but may publish a moment out of order; a lane holds an event
 * whose predecessor has not arrived yet for up to the gap wait, then delivers in seq order (an
 * event arriving after its successors went out is dropped, as the at-most-once contract allows;
 * the event log has it). A subscriber that throws is logged and skipped. Thread-safe.
 */
public final class InProcessEventBus implements EventBus, AutoCloseable {
    static final Logger LOG = LoggerFactory.getLogger(InProcessEventBus.class);

    /** A subscription: the two consumers. */
    record Subscriber(Consumer<ChatEvent> chat, Consumer<UserEvent> user) {
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final List<DeliveryLane> lanes;
    private volatile boolean closed;

    /** Sixteen lanes and a 200 ms gap wait. */
    public InProcessEventBus() {
        this(16, Duration.ofMillis(200));
    }

    public InProcessEventBus(int laneCount, Duration gapWait) {
        if (laneCount < 1) throw new IllegalArgumentException("at least one lane");
        this.lanes = java.util.stream.IntStream.range(0, laneCount)
                .mapToObj(i -> new DeliveryLane(i, gapWait, subscribers))
                .toList();
    }

    @Override
    public void publish(ChatEvent event) {
        if (closed) {
            LOG.debug("Event bus closed; dropped {} of {}", event.type(), event.conversationId());
            return;
        }
        lane(event.conversationId()).offer(event);
    }

    @Override
    public void publish(UserEvent event) {
        if (closed) {
            LOG.debug("Event bus closed; dropped {} for {}", event.type(), event.userId());
            return;
        }
        lane(event.userId()).offer(event);
    }

    @Override
    public AutoCloseable subscribe(Consumer<ChatEvent> chatEvents, Consumer<UserEvent> userEvents) {
        Subscriber subscriber = new Subscriber(chatEvents, userEvents);
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** Stops taking events, delivers what was queued (waiting at most {@code timeout}) and ends the lanes. */
    public void close(Duration timeout) {
        closed = true;
        lanes.forEach(DeliveryLane::finish);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (DeliveryLane lane : lanes) {
            lane.await(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    private DeliveryLane lane(String key) {
        return lanes.get(Math.floorMod(key.hashCode(), lanes.size()));
    }
}
