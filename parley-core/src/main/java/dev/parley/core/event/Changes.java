package dev.parley.core.event;

import dev.parley.core.Ports;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One write transaction's events: appended to the event log inside the transaction and
 * published on the bus only after it committed. Not thread-safe; lives for one write.
 */
public final class Changes {
    private final Ports ports;
    private final List<ChatEvent> chatEvents = new ArrayList<>();
    private final List<UserEvent> userEvents = new ArrayList<>();

    private Changes(Ports ports) {
        this.ports = ports;
    }

    /** Runs {@code work} in a write transaction, then publishes what it recorded. */
    public static <T> T write(Ports ports, Function<Changes, T> work) {
        return write(ports, null, work);
    }

    /**
     * Runs {@code work}, which changes mostly the conversation {@code conversationId}, in a write
     * transaction keyed by it ({@link dev.parley.core.port.Transactor#write(String, java.util.function.Supplier)}),
     * then publishes what it recorded.
     */
    public static <T> T write(Ports ports, String conversationId, Function<Changes, T> work) {
        Changes changes = new Changes(ports);
        T result = ports.tx().write(conversationId, () -> work.apply(changes));
        changes.chatEvents.forEach(ports.bus()::publish);
        changes.userEvents.forEach(ports.bus()::publish);
        return result;
    }

    /** Takes the conversation's next seq for an event recorded next. */
    public long nextSeq(String conversationId) {
        return ports.conversations().nextSeq(conversationId);
    }

    /** Appends the event to the log; it is published after commit. */
    public <E extends ChatEvent> E record(E event) {
        ports.eventLog().append(event);
        chatEvents.add(event);
        return event;
    }

    /** Publishes a user event after commit (user events are not logged). */
    public void record(UserEvent event) {
        userEvents.add(event);
    }
}
