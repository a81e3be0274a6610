package dev.parley.bench.jmh;

import dev.parley.bench.harness.BenchDatabase;
import dev.parley.core.access.Actor;
import dev.parley.core.conversation.ConversationKind;
import dev.parley.core.conversation.NewConversation;
import dev.parley.core.conversation.Role;
import dev.parley.core.event.ChatEvent;
import dev.parley.core.message.HistoryPage;
import dev.parley.core.message.HistoryQuery;
import dev.parley.core.message.MessageType;
import dev.parley.core.message.NewMessage;
import dev.parley.core.user.ExternalIdentity;
import dev.parley.server.Backend;
import dev.parley.server.api.dto.HistoryJson;
import dev.parley.server.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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

    private Path dir;
    private BenchDatabase database;
    private Backend backend;
    private Actor reader;
    private String conversationId;
    private HistoryPage middle;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("parley-jmh-");
        database = BenchDatabase.open(db, dir);
        Map<String, String> env = new HashMap<>(database.serverEnvironment());
        env.put("PARLEY_DATA_DIR", dir.toString());
        env.put("PARLEY_RATE_LIMITS", "send=999999999/1s");
        backend = Backend.open(ConfigLoader.load(env));
        var accounts = backend.services().accounts();
        List<ChatEvent.InitialMember> members = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = accounts.provision(new ExternalIdentity("jmh-" + i, "JMH user " + i, null, null)).id();
            members.add(new ChatEvent.InitialMember(id, Role.MEMBER));
        }
        reader = Actor.user(members.getFirst().userId());
        conversationId = backend.services().conversations().create(Actor.PLATFORM,
                new NewConversation(ConversationKind.GROUP, "JMH", null, null, null, members)).conversation().id();
        for (int i = 0; i < MESSAGES; i++) {
            Actor sender = Actor.user(members.get(i % members.size()).userId());
            backend.services().messages().send(sender, conversationId, new NewMessage("jmh-" + i, MessageType.TEXT,
                    "Message " + i + " of the benchmark: the quarterly budget review moves to Thursday afternoon.",
                    null, null, null, null, null, false));
        }
        middle = middlePage();
    }

    /** The newest 50 messages. */
    @Benchmark
    public HistoryPage newestPage() {
        return backend.services().reader().history(reader, conversationId, HistoryQuery.newest(PAGE));
    }

    /** 50 messages from the middle of the conversation ({@code before=}). */
    @Benchmark
    public HistoryPage middlePage() {
        return backend.services().reader().history(reader, conversationId,
                new HistoryQuery(2L + MESSAGES / 2, null, null, false, null, PAGE, false));
    }

    /** The JSON answer of a page read once. */
    @Benchmark
    public byte[] pageJson() {
        return HistoryJson.bytes(middle);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        backend.close();
        database.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
