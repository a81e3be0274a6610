package dev.parley.testkit;

import dev.parley.core.event.ChatEvent;
import dev.parley.core.event.UserEvent;
import dev.parley.core.port.EventBus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** An event bus that remembers what was published and also delivers to subscribers. Thread-safe. */
public final class RecordingEventBus implements EventBus {
    private final List<ChatEvent> chatEvents = new CopyOnWriteArrayList<>();
    private final List<UserEvent> userEvents = new CopyOnWriteArrayList<>();
    private final List<Consumer<ChatEvent>> chatSubscribers = new CopyOnWriteArrayList<>();
    private final List<Consumer<UserEvent>> userSubscribers = new CopyOnWriteArrayList<>();

    @Override
    public void publish(ChatEvent event) {
        chatEvents.add(event);
        chatSubscribers.forEach(s -> s.accept(event));
    }

    @Override
    public void publish(UserEvent event) {
        userEvents.add(event);
        userSubscribers.forEach(s -> s.accept(event));
    }

    @Override
    public AutoCloseable subscribe(Consumer<ChatEvent> chat, Consumer<UserEvent> user) {
        chatSubscribers.add(chat);
        userSubscribers.add(user);
        return () -> {
            chatSubscribers.remove(chat);
            userSubscribers.remove(user);
        };
    }

    public List<ChatEvent> chatEvents() {
        return List.copyOf(chatEvents);
    }

    public List<UserEvent> userEvents() {
        return List.copyOf(userEvents);
    }

    public void clear() {
        chatEvents.clear();
        userEvents.clear();
    }
}
