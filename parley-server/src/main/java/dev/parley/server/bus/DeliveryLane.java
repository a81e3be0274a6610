package dev.parley.server.bus;

import static dev.parley.server.bus.InProcessEventBus.LOG;

import dev.parley.core.event.ChatEvent;
import dev.parley.core.event.UserEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One delivery thread of the in-process bus: takes queued events in order, puts each
 * conversation's events in seq order (holding early ones up to the gap wait) and hands them to
 * every subscriber. Only its own thread touches the per-conversation state.
 */
final class DeliveryLane {
    private static final Object END = new Object();
    private static final int MAX_TRACKED_CONVERSATIONS = 50_000;

    /** What a lane knows of one conversation: the next seq it expects and events that came early. */
    private static final class Order {
        long next;
        final TreeMap<Long, ChatEvent> early = new TreeMap<>();
        long flushAtNanos;
    }

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final long gapWaitNanos;
    private final List<InProcessEventBus.Subscriber> subscribers;
    private final Map<String, Order> orders = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Order> eldest) {
            if (size() <= MAX_TRACKED_CONVERSATIONS) return false;
            flush(eldest.getValue());
            return true;
        }
    };
    private final Map<String, Order> waiting = new LinkedHashMap<>();
    private final Thread thread;

    DeliveryLane(int index, Duration gapWait, List<InProcessEventBus.Subscriber> subscribers) {
        this.gapWaitNanos = gapWait.toNanos();
        this.subscribers = subscribers;
        this.thread = Thread.ofVirtual().name("parley-bus-" + index).start(this::run);
    }

    void offer(Object event) {
        queue.add(event);
    }

    void finish() {
        queue.add(END);
    }

    void await(Duration timeout) {
        try {
            if (!thread.join(timeout)) thread.interrupt();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (true) {
                Object item = waiting.isEmpty() ? queue.take() : queue.poll(nanosToNextFlush(), TimeUnit.NANOSECONDS);
                if (item == END) break;
                if (item instanceof ChatEvent event) accept(event);
                else if (item instanceof UserEvent event) deliver(event);
                flushOverdue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        new ArrayList<>(waiting.values()).forEach(this::flush);
    }

    private void accept(ChatEvent event) {
        Order order = orders.get(event.conversationId());
        if (order == null) {
            order = new Order();
            order.next = event.seq();
            orders.put(event.conversationId(), order);
        }
        if (event.seq() < order.next) {
            LOG.debug("Dropped {} seq {} of {}: later events already went out", event.type(), event.seq(),
                    event.conversationId());
            return;
        }
        if (event.seq() > order.next) {
            order.early.put(event.seq(), event);
            if (!waiting.containsKey(event.conversationId())) {
                order.flushAtNanos = System.nanoTime() + gapWaitNanos;
                waiting.put(event.conversationId(), order);
            }
            return;
        }
        deliver(event);
        order.next = event.seq() + 1;
        while (!order.early.isEmpty() && order.early.firstKey() == order.next) {
            deliver(order.early.pollFirstEntry().getValue());
            order.next++;
        }
        if (order.early.isEmpty()) waiting.remove(event.conversationId());
    }

    private long nanosToNextFlush() {
        long soonest = waiting.values().stream().mapToLong(o -> o.flushAtNanos).min().orElseThrow();
        return Math.max(0, soonest - System.nanoTime());
    }

    private void flushOverdue() {
        if (waiting.isEmpty()) return;
        long now = System.nanoTime();
        List<Order> due = waiting.values().stream().filter(o -> o.flushAtNanos - now <= 0).toList();
        due.forEach(this::flush);
    }

    /** Gives up on the missing events and delivers the early ones in seq order. */
    private void flush(Order order) {
        while (!order.early.isEmpty()) {
            ChatEvent event = order.early.pollFirstEntry().getValue();
            deliver(event);
            order.next = event.seq() + 1;
        }
        waiting.values().remove(order);
    }

    private void deliver(ChatEvent event) {
        for (InProcessEventBus.Subscriber s : subscribers) {
            try {
                s.chat().accept(event);
            } catch (RuntimeException e) {
                LOG.warn("An event subscriber failed on {} seq {} of {}", event.type(), event.seq(),
                        event.conversationId(), e);
            }
        }
    }

    private void deliver(UserEvent event) {
        for (InProcessEventBus.Subscriber s : subscribers) {
            try {
                s.user().accept(event);
            } catch (RuntimeException e) {
                LOG.warn("An event subscriber failed on {} for {}", event.type(), event.userId(), e);
            }
        }
    }
}
