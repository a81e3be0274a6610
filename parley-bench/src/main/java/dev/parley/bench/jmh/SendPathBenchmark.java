package dev.parley.bench.jmh;

import dev.parley.core.access.Actor;
import dev.parley.core.message.MessageType;
import dev.parley.core.message.NewMessage;
import dev.parley.core.message.SendResult;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The store send path: {@code MessageService.send} on the real backend (validation, idempotency
 * lookup, access check, seq, insert with full-text indexing, event append, markers, commit), on
 * SQLite or an embedded PostgreSQL, one conversation of 10 members. What a socket or REST send
 * costs below the transport.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SendPathBenchmark {
    @Param({"sqlite"})
    String db;

    private JmhConversation world;
    private final AtomicLong counter = new AtomicLong();

    /**
     * The member a benchmark thread sends as: the threads take the members in turn (with {@code -t}
     * above 10, some share one), so several threads are a conversation's several senders.
     */
    @State(Scope.Thread)
    public static class Sender {
        private static final AtomicInteger NEXT = new AtomicInteger();
        private final int index = NEXT.getAndIncrement();
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        world = new JmhConversation(db);
    }

    @Benchmark
    public SendResult send(Sender sender) {
        return send(world.members.get(sender.index % world.members.size()));
    }

    private SendResult send(Actor sender) {
        String id = "jmh-" + counter.incrementAndGet();
        return world.backend.services().messages().send(sender, world.conversationId,
                new NewMessage(id, MessageType.TEXT, "A benchmark message about the quarterly budget review " + id,
                        null, null, null, null, null, false));
    }

    /** 32 sends in one write transaction: what grouping sends into one commit saves. Score × 32 = sends/s. */
    @Benchmark
    public int sendThirtyTwoInOneTransaction() {
        return world.backend.services().ports().tx().write(() -> {
            for (int i = 0; i < 32; i++) send(world.members.getFirst());
            return 32;
        });
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        world.close();
    }
}
