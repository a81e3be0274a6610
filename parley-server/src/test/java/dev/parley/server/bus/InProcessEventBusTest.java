package dev.parley.server.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.core.event.ChatEvent;
import dev.parley.core.event.UserEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InProcessEventBusTest {
    private static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");
    private InProcessEventBus bus = new InProcessEventBus(4, Duration.ofSeconds(5));

    @AfterEach
    void close() {
        bus.close();
    }

    @Test
    void everySubscriberGetsChatAndUserEvents() {
        List<ChatEvent> first = new CopyOnWriteArrayList<>();
        List<ChatEvent> second = new CopyOnWriteArrayList<>();
        List<UserEvent> users = new CopyOnWriteArrayList<>();
        bus.subscribe(first::add, users::add);
        bus.subscribe(second::add, e -> {
        });
        bus.publish(event("c1", 1));
        UserEvent read = new UserEvent.MarkersMoved("u1", "c1", 1, 1, true, AT);
        bus.publish(read);
        await().until(() -> first.size() == 1 && second.size() == 1 && users.size() == 1);
        assertThat(first).containsExactly(event("c1", 1));
        assertThat(users).containsExactly(read);
    }

    @Test
    void aThrowingSubscriberIsSkipped() {
        List<ChatEvent> received = new CopyOnWriteArrayList<>();
        bus.subscribe(e -> {
            throw new IllegalStateException("boom");
        }, e -> {
            throw new IllegalStateException("boom");
        });
        bus.subscribe(received::add, e -> {
        });
        bus.publish(event("c1", 1));
        bus.publish(new UserEvent.MarkersMoved("u1", "c1", 1, 1, true, AT));
        bus.publish(event("c1", 2));
        await().until(() -> received.size() == 2);
        assertThat(received).extracting(ChatEvent::seq).containsExactly(1L, 2L);
    }

    @Test
    void eventsPublishedOutOfOrderArriveInSeqOrder() {
        List<ChatEvent> received = new CopyOnWriteArrayList<>();
        bus.subscribe(received::add, e -> {
        });
        bus.publish(event("c1", 5));
        bus.publish(event("c1", 7));
        bus.publish(event("c1", 8));
        bus.publish(event("c1", 6));
        await().until(() -> received.size() == 4);
        assertThat(received).extracting(ChatEvent::seq).containsExactly(5L, 6L, 7L, 8L);
    }

    @Test
    void aGapThatNeverFillsIsSkippedAfterTheWaitAndLateEventsAreDropped() {
        bus.close();
        bus = new InProcessEventBus(1, Duration.ofMillis(50));
        List<ChatEvent> received = new CopyOnWriteArrayList<>();
        bus.subscribe(received::add, e -> {
        });
        bus.publish(event("c1", 1));
        bus.publish(event("c1", 3));
        await().until(() -> received.size() == 2);
        bus.publish(event("c1", 2));
        bus.publish(event("c1", 4));
        await().until(() -> received.size() == 3);
        assertThat(received).extracting(ChatEvent::seq).containsExactly(1L, 3L, 4L);
    }

    @Test
    void eachConversationStaysInOrderUnderConcurrentPublishers() throws Exception {
        Map<String, List<Long>> received = new ConcurrentHashMap<>();
        bus.subscribe(e -> received.computeIfAbsent(e.conversationId(), k -> new CopyOnWriteArrayList<>()).add(e.seq()),
                e -> {
                });
        int conversations = 20;
        int perConversation = 200;
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int c = 0; c < conversations; c++) {
                String id = "c" + c;
                List<Long> seqs = new ArrayList<>();
                for (long s = 1; s <= perConversation; s++) seqs.add(s);
                // Neighbours swap places, as concurrent committers would publish them.
                Random random = new Random(c);
                for (int i = 1; i < seqs.size(); i += 2) if (random.nextBoolean()) Collections.swap(seqs, i - 1, i);
                List<Long> firstFixed = seqs.getFirst() == 1L ? seqs : swapToFront(seqs);
                pool.submit(() -> firstFixed.forEach(s -> bus.publish(event(id, s))));
            }
        }
        await().until(() -> received.values().stream().mapToInt(List::size).sum() == conversations * perConversation);
        for (List<Long> seqs : received.values()) assertThat(seqs).isSorted().hasSize(perConversation);
    }

    @Test
    void unsubscribedConsumersGetNothingMore() throws Exception {
        List<ChatEvent> gone = new CopyOnWriteArrayList<>();
        List<ChatEvent> staying = new CopyOnWriteArrayList<>();
        AutoCloseable subscription = bus.subscribe(gone::add, e -> {
        });
        bus.subscribe(staying::add, e -> {
        });
        bus.publish(event("c1", 1));
        await().until(() -> gone.size() == 1 && staying.size() == 1);
        subscription.close();
        bus.publish(event("c1", 2));
        await().until(() -> staying.size() == 2);
        assertThat(gone).hasSize(1);
    }

    @Test
    void closingDeliversWhatWasQueuedAndIgnoresLaterEvents() {
        List<ChatEvent> received = new CopyOnWriteArrayList<>();
        bus.subscribe(received::add, e -> {
        });
        for (long s = 1; s <= 100; s++) bus.publish(event("c1", s));
        bus.close(Duration.ofSeconds(5));
        assertThat(received).hasSize(100);
        bus.publish(event("c1", 101));
        assertThat(received).hasSize(100);
    }

    private static List<Long> swapToFront(List<Long> seqs) {
        List<Long> copy = new ArrayList<>(seqs);
        copy.remove(1L);
        copy.addFirst(1L);
        return copy;
    }

    private static ChatEvent event(String conversationId, long seq) {
        return new ChatEvent.MessageDeleted(conversationId, seq, AT, "m" + seq, "u1");
    }
}
