package dev.parley.e2e.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.client.model.Conversation;
import dev.parley.client.model.ConversationQuery;
import dev.parley.client.model.ConversationSummary;
import dev.parley.client.model.HistoryQuery;
import dev.parley.client.model.Message;
import dev.parley.client.model.MessagePage;
import dev.parley.client.model.NewConversation;
import dev.parley.client.model.NewMember;
import dev.parley.e2e.realtime.People.Account;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fifty clients in ten conversations send concurrently while connections are dropped at random
 * (one for every few acknowledged sends) and the server is restarted twice (same data directory and port). At the end every client holds
 * exactly the store's messages, in order, without duplicates, saw no gap or repeat on the wire, and
 * knows its exact unread count. Seeded; convergence is awaited, never slept for.
 */
@Timeout(90)
class ChaosTest {
    private static final long SEED = 20_260_101L;
    private static final int CLIENTS = 50;
    private static final int CONVERSATIONS = 10;
    private static final int SENDS_PER_CLIENT = 10;
    private static final int DROP_EVERY = 6;

    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
    private final List<ChaosClient> clients = new ArrayList<>();
    private RealtimeServer server;

    @AfterEach
    void tearDown() {
        clients.forEach(ChaosClient::stop);
        timer.shutdownNow();
        work.shutdownNow();
        if (server != null) server.close();
    }

    @Test
    void everyClientEndsWithExactlyTheStoresMessagesDespiteDropsAndRestarts() {
        server = RealtimeServer.start(Map.of());
        People people = new People(server);
        Random random = new Random(SEED);
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) accounts.add(people.host("Chaos" + i));

        // Client i belongs to conversation i % 10 and to one of the next five: two each, ten members in each.
        Map<Integer, List<Integer>> membersOf = new HashMap<>();
        Map<Integer, List<Integer>> conversationsOf = new HashMap<>();
        for (int i = 0; i < CLIENTS; i++) {
            int first = i % CONVERSATIONS;
            int second = (first + 1 + i / CONVERSATIONS) % CONVERSATIONS;
            conversationsOf.put(i, List.of(first, second));
            membersOf.computeIfAbsent(first, k -> new ArrayList<>()).add(i);
            membersOf.computeIfAbsent(second, k -> new ArrayList<>()).add(i);
        }
        List<Conversation> rooms = new ArrayList<>();
        for (int c = 0; c < CONVERSATIONS; c++) {
            List<Integer> members = membersOf.get(c);
            Account owner = accounts.get(members.getFirst());
            NewMember[] others = members.stream().skip(1).map(i -> NewMember.of(accounts.get(i).id())).toArray(NewMember[]::new);
            rooms.add(owner.rest().conversations().create(NewConversation.group("Chaos " + c, others)).value());
        }

        for (int i = 0; i < CLIENTS; i++) {
            Map<String, Long> start = new LinkedHashMap<>();
            conversationsOf.get(i).forEach(c -> start.put(rooms.get(c).id(), rooms.get(c).lastSeq()));
            List<String> mine = List.copyOf(start.keySet());
            List<ChaosClient.Action> actions = new ArrayList<>();
            for (int n = 0; n < SENDS_PER_CLIENT; n++) {
                actions.add(new ChaosClient.Action(mine.get(random.nextInt(mine.size())), "chaos-" + i + "-" + n));
                if (random.nextInt(4) == 0) actions.add(new ChaosClient.Action(mine.get(random.nextInt(mine.size())), null));
            }
            clients.add(new ChaosClient("chaos-" + i, accounts.get(i), server, start, actions, SEED + i, timer, work));
        }
        clients.forEach(ChaosClient::start);

        int totalSends = CLIENTS * SENDS_PER_CLIENT;
        AtomicInteger restarts = new AtomicInteger();
        // One random drop per DROP_EVERY acknowledged sends: tied to progress, not to the clock, so a
        // faster server sees as many drops as a slower one.
        AtomicInteger drops = new AtomicInteger();
        AtomicInteger dropAttempts = new AtomicInteger();
        Random chaos = new Random(SEED ^ 0x5DEECE66DL);
        ScheduledFuture<?> dropping = timer.scheduleWithFixedDelay(() -> {
            while (dropAttempts.get() <= ackedSends() / DROP_EVERY) {
                dropAttempts.incrementAndGet();
                if (clients.get(chaos.nextInt(CLIENTS)).drop()) drops.incrementAndGet();
            }
        }, 5, 5, TimeUnit.MILLISECONDS);
        CompletableFuture<Void> restarting = CompletableFuture.runAsync(() -> {
            for (double share : List.of(0.3, 0.65)) {
                await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(20))
                        .until(() -> ackedSends() >= share * totalSends);
                server.restart();
                restarts.incrementAndGet();
            }
        }, work);

        try {
            CompletableFuture.allOf(clients.stream().map(ChaosClient::done).toArray(CompletableFuture[]::new))
                    .get(45, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the clients did not finish (restarts " + restarts.get() + ", drops " + drops.get()
                    + "): " + clients.stream().filter(c -> !c.done().isDone()).map(ChaosClient::describe).toList(), e);
        }
        dropping.cancel(false);
        restarting.orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(restarts.get()).isEqualTo(2);
        assertThat(drops.get()).as("connections dropped at random").isGreaterThan(CLIENTS / 2);

        Map<String, List<String>> store = new HashMap<>();
        Map<String, Long> storeLastSeq = new HashMap<>();
        for (int c = 0; c < CONVERSATIONS; c++) {
            Account member = accounts.get(membersOf.get(c).getFirst());
            String id = rooms.get(c).id();
            store.put(id, history(member, id));
            storeLastSeq.put(id, member.rest().conversations().get(id).conversation().lastSeq());
        }
        await().alias("every client caught up with the store").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> clients.stream().allMatch(client -> client.conversationIds().stream()
                        .allMatch(id -> client.lastSeq(id) == storeLastSeq.get(id))));

        List<String> violations = new ArrayList<>();
        clients.forEach(client -> violations.addAll(client.violations()));
        assertThat(violations).as("repeats, gaps, refusals or second messages seen by the clients").isEmpty();

        int sentMessages = 0;
        for (List<String> ids : store.values()) sentMessages += ids.size();
        assertThat(sentMessages).as("one message per send, however often it was retried").isEqualTo(totalSends);
        for (ChaosClient client : clients) {
            assertThat(client.acked()).hasSize(SENDS_PER_CLIENT);
            List<ConversationSummary> summaries = client.account().rest().conversations()
                    .list(ConversationQuery.ALL.withLimit(100)).items();
            for (String id : client.conversationIds()) {
                assertThat(client.messageIds(id)).as("%s holds the store's messages of %s", client.account(), id)
                        .containsExactlyElementsOf(store.get(id));
                long restUnread = summaries.stream().filter(s -> s.conversation().id().equals(id)).findFirst()
                        .orElseThrow().unreadCount();
                assertThat(client.unread(id)).as("%s unread in %s", client.account(), id).isEqualTo(restUnread);
            }
            assertThat(store.values().stream().flatMap(List::stream).toList()).containsAll(client.acked().values());
        }
    }

    private int ackedSends() {
        return clients.stream().mapToInt(c -> c.acked().size()).sum();
    }


    private static List<String> history(Account member, String conversationId) {
        List<String> ids = new ArrayList<>();
        long after = 0;
        while (true) {
            MessagePage page = member.rest().messages().history(conversationId, HistoryQuery.after(after, 100));
            for (Message m : page.items()) {
                ids.add(m.id());
                after = m.seq();
            }
            if (!page.hasNewer() || page.items().isEmpty()) return ids;
        }
    }
}
