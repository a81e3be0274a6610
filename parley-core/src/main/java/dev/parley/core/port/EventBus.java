package dev.parley.core.port;

import dev.parley.core.event.ChatEvent;
import dev.parley.core.event.UserEvent;
import java.util.function.Consumer;

/**
 * Fans committed events out to subscribers on this node (and, in cluster mode, every node).
 * Publishing happens after commit and never fails the caller: a subscriber that throws is
 * logged and skipped. Delivery is at most once; subscribers that need every event read the
 * {@link EventLog}. Events of one conversation reach a subscriber in seq order. Thread-safe.
 */
public interface EventBus {
    void publish(ChatEvent event);

    void publish(UserEvent event);

    /** Subscribes to every event; closing the returned handle unsubscribes. */
    AutoCloseable subscribe(Consumer<ChatEvent> chatEvents, Consumer<UserEvent> userEvents);
}
