package dev.parley.server.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Resuming while others send: every client gets each event after its position exactly once, in order. */
@Timeout(120)
class WsResumeRaceTest {
    @TempDir
    Path dir;

    private WsFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) fixture.close();
    }

    private static List<Long> seqs(WsClient client, String conversationId) {
        return client.eventsOf(conversationId).stream().map(e -> e.path("seq").asLong()).toList();
    }

    private static List<Long> range(long fromExclusive, long toInclusive) {
        return LongStream.rangeClosed(fromExclusive + 1, toInclusive).boxed().toList();
    }

    @Test
    void resumingWhileSendsGoOnLosesAndRepeatsNothing() throws InterruptedException {
        fixture = WsFixture.start(dir);
        WsFixture.User ann = fixture.register("ann");
        WsFixture.User bob = fixture.register("bob");
        WsFixture.User cid = fixture.register("cid");
        String team = fixture.group(ann, bob, cid);
        for (int i = 0; i < 8; i++) fixture.send(ann, team, "warm-up " + i);
        int senders = 3;
        int each = 40;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        WsFixture.User[] who = {ann, cid, ann};
        for (int s = 0; s < senders; s++) {
            WsFixture.User sender = who[s];
            int n = s;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < each; i++) fixture.send(sender, team, "s" + n + "-" + i);
            }));
        }
        WsClient watcher = fixture.live(bob);
        go.countDown();
        List<WsClient> clients = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            int seen = k * 10;
            await().atMost(30, TimeUnit.SECONDS).until(() -> seqs(watcher, team).size() >= seen);
            List<Long> watched = seqs(watcher, team);
            long from = Math.max(1, (watched.isEmpty() ? 9 : watched.getLast()) - 4);
            WsClient client = fixture.connect(bob);
            client.resume(Map.of(team, from));
            clients.add(client);
            starts.add(from);
        }
        clients.add(watcher);
        starts.add(9L);
        for (Thread t : threads) assertThat(t.join(Duration.ofSeconds(60))).isTrue();
        long last = 1 + 8 + senders * each;

        for (int k = 0; k < clients.size(); k++) {
            WsClient client = clients.get(k);
            await().atMost(20, TimeUnit.SECONDS).until(() -> seqs(client, team).contains(last));
            assertThat(seqs(client, team)).as("client resumed from %d", starts.get(k))
                    .isEqualTo(range(starts.get(k), last));
        }
        // The watcher has every event since the warm-up, so it covers the newest 100 stored messages.
        List<String> texts = watcher.eventsOf(team).stream()
                .map(e -> e.path("data").path("message").path("text").asText()).toList();
        List<String> stored = new ArrayList<>();
        fixture.history(ann, team).path("items").forEach(m -> stored.add(m.path("text").asText()));
        assertThat(stored).hasSize(100);
        assertThat(texts.subList(texts.size() - stored.size(), texts.size())).as("replayed and live equal the stored state")
                .isEqualTo(stored);
    }
}
