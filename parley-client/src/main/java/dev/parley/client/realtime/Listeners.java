package dev.parley.client.realtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The event handlers of one client, each for a type of {@link RealtimeEvent}. Registering and
 * removing are thread-safe; {@link #dispatch} runs on the client's event thread, so every
 * handler sees the events in the order the client applied them. A handler that throws is logged
 * and does not stop the others.
 */
final class Listeners {
    private static final System.Logger LOG = System.getLogger(Listeners.class.getName());

    private record Registration<E extends RealtimeEvent>(Class<E> type, Consumer<? super E> handler) {
        void offer(RealtimeEvent event) {
            if (type.isInstance(event)) handler.accept(type.cast(event));
        }
    }

    private final List<Registration<?>> registrations = new CopyOnWriteArrayList<>();

    <E extends RealtimeEvent> Subscription add(Class<E> type, Consumer<? super E> handler) {
        if (type == null || handler == null) throw new IllegalArgumentException("type and handler are required");
        Registration<E> registration = new Registration<>(type, handler);
        registrations.add(registration);
        return () -> registrations.remove(registration);
    }

    void dispatch(RealtimeEvent event) {
        for (Registration<?> registration : registrations) {
            try {
                registration.offer(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "A handler of " + event.getClass().getSimpleName() + " failed", e);
            }
        }
    }
}
