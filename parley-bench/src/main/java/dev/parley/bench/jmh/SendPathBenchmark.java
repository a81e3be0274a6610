package dev.parley.bench.jmh;

import dev.parley.bench.harness.BenchDatabase;
import dev.parley.core.access.Actor;
import dev.parley.core.conversation.ConversationKind;
import dev.parley.core.conversation.NewConversation;
import dev.parley.core.conversation.Role;
import dev.parley.core.event.ChatEvent;
import dev.parley.core.message.MessageType;
import dev.parley.core.message.NewMessage;
import dev.parley.core.message.SendResult;
import dev.parley.core.user.ExternalIdentity;
import dev.parley.server.Backend;
import dev.parley.server.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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

    private Path dir;
    private BenchDatabase database;
    private Backend backend;
    private Actor sender;
    private String conversationId;
    private final AtomicLong counter = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("parley-jmh-");
        database = BenchDatabase.open(db, dir);
        Map<String, String> env = new HashMap<>(database.serverEnvironment());
        env.put("PARLEY_DATA_DIR", dir.toString());
        env.put("PARLEY_RATE_LIMITS", "send=999999999/1s");
        backend = Backend.open(ConfigLoader.load(env));
        var accounts = backend.services().accounts();
        List<ChatEvent.InitialMember> members = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = accounts.provision(new ExternalIdentity("jmh-" + i, "JMH user " + i, null, null)).id();
            members.add(new ChatEvent.InitialMember(id, Role.MEMBER));
        }
        sender = Actor.user(members.getFirst().userId());
        conversationId = backend.services().conversations().create(Actor.PLATFORM,
                new NewConversation(ConversationKind.GROUP, "JMH", null, null, null, members)).conversation().id();
    }

    @Benchmark
    public SendResult send() {
        String id = "jmh-" + counter.incrementAndGet();
        return backend.services().messages().send(sender, conversationId,
                new NewMessage(id, MessageType.TEXT, "A benchmark message about the quarterly budget review " + id,
                        null, null, null, null, null, false));
    }

    /** 32 sends in one write transaction: what grouping sends into one commit saves. Score × 32 = sends/s. */
    @Benchmark
    public int sendThirtyTwoInOneTransaction() {
        return backend.services().ports().tx().write(() -> {
            for (int i = 0; i < 32; i++) send();
            return 32;
        });
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
