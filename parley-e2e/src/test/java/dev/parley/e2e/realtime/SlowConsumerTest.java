package dev.parley.e2e.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.client.model.Conversation;
import dev.parley.client.model.NewConversation;
import dev.parley.client.model.NewMember;
import dev.parley.client.model.NewMessage;
import dev.parley.e2e.realtime.People.Account;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Backpressure: clients that stop reading get their bounded outbound queues filled and are closed
 * with {@code 4000}, while the server's heap stays bounded; what each did receive before the close
 * is gap-free, and a resume from there brings exactly the rest. The server runs with a small queue
 * ({@value #QUEUE_FRAMES} frames) and no presence grace, so a closed reader turns offline at once —
 * the signal, seen by an observer who shares another conversation with the readers, that the
 * server let it go. Messages are sent over REST so the test itself holds none of them.
 */
@Timeout(120)
class SlowConsumerTest {
    static final int QUEUE_FRAMES = 32;
    private static final int STALLED = 8;
    /** The most messages sent: were they all queued for every stalled reader, the heap would grow by ~150 MB. */
    private static final int MAX_MESSAGES = 2_000;
    private static final int TEXT_LENGTH = 9_000;
    private static final long HEAP_BOUND_BYTES = 48L << 20;
    private static RealtimeServer server;

    @BeforeAll
    static void startServer() {
        server = RealtimeServer.start(Map.of("PARLEY_WS_QUEUE_FRAMES", String.valueOf(QUEUE_FRAMES),
                "PARLEY_PRESENCE_GRACE", "0s"));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    @Test
    void readersThatStopAreClosedWith4000WithinBoundedMemoryAndResumeWithoutLoss() throws Exception {
        People people = new People(server);
        Account ada = people.host("Ada");
        Account olga = people.host("Olga");
        List<Account> readers = new ArrayList<>();
        for (int i = 0; i < STALLED; i++) readers.add(people.host("Reader" + i));
        NewMember[] members = readers.stream().map(r -> NewMember.of(r.id())).toArray(NewMember[]::new);
        Conversation room = ada.rest().conversations().create(NewConversation.group("Firehose", members)).value();
        olga.rest().conversations().create(NewConversation.group("Where Olga sees presence", members));
        long start = room.lastSeq();

        Set<String> offline = ConcurrentHashMap.newKeySet();
        List<Result> results = new ArrayList<>();
        int sent = 0;
        long heapGrowth = 0;
        try (ExecutorService readingAgain = Executors.newVirtualThreadPerTaskExecutor();
             Socket observer = Socket.connect(server.socketUri(), olga.token(), "olga-observer", frame -> {
                 if (frame.path("event").asText().equals("presence")
                         && frame.path("data").path("status").asText().equals("offline")) {
                     offline.add(frame.path("data").path("userId").asText());
                 }
             })) {
            observer.resume(Map.of());
            List<WireSocket> stalled = new ArrayList<>();
            for (Account reader : readers) stalled.add(stalledReader(reader, room.id(), start));
            Map<String, CompletableFuture<Result>> drained = new ConcurrentHashMap<>();

            long baseline = heapAfterGc();
            String text = "x".repeat(TEXT_LENGTH);
            while (sent < MAX_MESSAGES && offline.size() < STALLED) {
                ada.rest().messages().send(room.id(), NewMessage.text("f-" + sent, text));
                sent++;
                for (int i = 0; i < STALLED; i++) {
                    WireSocket wire = stalled.get(i);
                    String userId = readers.get(i).id();
                    if (offline.contains(userId)) {
                        drained.computeIfAbsent(userId, id -> CompletableFuture.supplyAsync(() -> drain(wire), readingAgain));
                    }
                }
                if (sent % 100 == 0) heapGrowth = Math.max(heapGrowth, heapAfterGc() - baseline);
            }
            heapGrowth = Math.max(heapGrowth, heapAfterGc() - baseline);
            for (int i = 0; i < STALLED; i++) {
                WireSocket wire = stalled.get(i);
                results.add(drained.computeIfAbsent(readers.get(i).id(),
                        id -> CompletableFuture.supplyAsync(() -> drain(wire), readingAgain)).join());
                wire.close();
            }
        }

        assertThat(offline).as("every stalled reader was let go after %d messages", sent).hasSize(STALLED);
        assertThat(heapGrowth).as("heap growth after GC while %d readers stalled", STALLED).isLessThan(HEAP_BOUND_BYTES);
        long end = start + sent;
        for (int i = 0; i < STALLED; i++) {
            Result result = results.get(i);
            assertThat(result.closeCode()).as("reader %d's close code after %d messages", i, result.seqs().size())
                    .isEqualTo(4000);
            assertThat(result.seqs()).as("reader %d: what arrived before the close is gap-free", i)
                    .containsExactlyElementsOf(LongStream.rangeClosed(start + 1, start + result.seqs().size()).boxed().toList());
            long held = start + result.seqs().size();
            try (Socket again = Socket.connect(server.socketUri(), readers.get(i).token(), "reader-" + i + "-again")) {
                assertThat(again.resume(Map.of(room.id(), held)).path("tooFarBehind")).isEmpty();
                await().atMost(Duration.ofSeconds(30)).until(() -> seqs(again.events(), room.id()).contains(end));
                assertThat(seqs(again.events(), room.id())).as("reader %d: the resume brings exactly the rest", i)
                        .containsExactlyElementsOf(LongStream.rangeClosed(held + 1, end).boxed().toList());
            }
        }
    }

    /** A reader with a tiny receive buffer that resumed and then reads nothing more. */
    private static WireSocket stalledReader(Account reader, String conversationId, long from) {
        WireSocket wire = WireSocket.connect(server.socketUri(), reader.token(), 4096);
        ObjectNode resume = Socket.JSON.createObjectNode().put("id", "r1").put("op", "resume");
        resume.putObject("data").putObject("conversations").put(conversationId, from);
        wire.sendText(resume.toString());
        JsonNode reply;
        do {
            reply = parse(wire.read(), "resume");
        } while (!"r1".equals(reply.path("id").asText()));
        assertThat(reply.path("type").asText()).isEqualTo("ok");
        return wire;
    }

    /** Reads what was waiting, up to the close frame. */
    private static Result drain(WireSocket wire) {
        List<JsonNode> received = new ArrayList<>();
        for (WireSocket.Frame frame = wire.read(); frame != null; frame = wire.read()) {
            if (frame.opcode() == WireSocket.CLOSE) return new Result(frame.closeCode(), seqs(received, null));
            received.add(parse(frame, null));
        }
        return new Result(-1, seqs(received, null));
    }

    private record Result(int closeCode, List<Long> seqs) {
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static JsonNode parse(WireSocket.Frame frame, String op) {
        assertThat(frame).as("a frame before the connection ended").isNotNull();
        ServerFrames.received(frame.text(), op);
        try {
            return Socket.JSON.readTree(frame.text());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + frame.text(), e);
        }
    }

    private static List<Long> seqs(List<JsonNode> frames, String conversationId) {
        return frames.stream()
                .filter(f -> f.path("event").asText().equals("message.created"))
                .filter(f -> conversationId == null || f.path("conversationId").asText().equals(conversationId))
                .map(f -> f.path("seq").asLong()).toList();
    }
}
