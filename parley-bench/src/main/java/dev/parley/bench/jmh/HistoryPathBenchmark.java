package dev.parley.bench.jmh;

import dev.parley.core.access.Actor;
import dev.parley.core.message.HistoryPage;
import dev.parley.core.message.HistoryQuery;
import dev.parley.core.message.MessageType;
import dev.parley.core.message.NewMessage;
import dev.parley.server.api.dto.HistoryJson;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
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
 * A history page below the transport: {@code MessageReader.history} on the real backend (access
 * check, the page query, reactions, pins, delivery state of the reader's own messages) and the
 * page's JSON answer as the REST route writes it, for one conversation of 10 members and 1,000
 * messages (every tenth the reader's own), on SQLite or an embedded PostgreSQL, single-threaded.
 * What one page of the {@code history} workload costs apart from HTTP.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HistoryPathBenchmark {
    private static final int MESSAGES = 1000;
    private static final int PAGE = 50;

    @Param({"sqlite"})
    String db;

    private JmhConversation world;
    private Actor reader;
    private HistoryPage middle;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        world = new JmhConversation(db);
        reader = world.members.getFirst();
        for (int i = 0; i < MESSAGES; i++) {
            world.backend.services().messages().send(world.members.get(i % world.members.size()), world.conversationId,
                    new NewMessage("jmh-" + i, MessageType.TEXT,
                            "Message " + i + " of the benchmark: the quarterly budget review moves to Thursday afternoon.",
                            null, null, null, null, null, false));
        }
        middle = middlePage();
    }

    /** The newest 50 messages. */
    @Benchmark
    public HistoryPage newestPage() {
        return world.backend.services().reader().history(reader, world.conversationId, HistoryQuery.newest(PAGE));
    }

    /** 50 messages from the middle of the conversation ({@code before=}). */
    @Benchmark
    public HistoryPage middlePage() {
        return world.backend.services().reader().history(reader, world.conversationId,
                new HistoryQuery(2L + MESSAGES / 2, null, null, false, null, PAGE, false));
    }

    /** The JSON answer of a page read once. */
    @Benchmark
    public byte[] pageJson() {
        return HistoryJson.bytes(middle);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        world.close();
    }
}
