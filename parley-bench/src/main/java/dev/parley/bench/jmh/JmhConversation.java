package dev.parley.bench.jmh;

import dev.parley.bench.harness.BenchDatabase;
import dev.parley.bench.harness.Folders;
import dev.parley.core.access.Actor;
import dev.parley.core.conversation.ConversationKind;
import dev.parley.core.conversation.NewConversation;
import dev.parley.core.conversation.Role;
import dev.parley.core.event.ChatEvent;
import dev.parley.core.user.ExternalIdentity;
import dev.parley.server.Backend;
import dev.parley.server.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The micro-benchmarks' world: the real backend on a fresh SQLite file or embedded PostgreSQL, with
 * rate limits out of the way, and one group conversation of 10 members. Close it after the trial.
 */
final class JmhConversation implements AutoCloseable {
    private final Path dir;
    private final BenchDatabase database;
    final Backend backend;
    /** The members, in the order they were added. */
    final List<Actor> members;
    final String conversationId;

    JmhConversation(String db) throws IOException {
        dir = Files.createTempDirectory("parley-jmh-");
        database = BenchDatabase.open(db, dir);
        Map<String, String> env = new HashMap<>(database.serverEnvironment());
        env.put("PARLEY_DATA_DIR", dir.toString());
        env.put("PARLEY_RATE_LIMITS", "send=999999999/1s");
        backend = Backend.open(ConfigLoader.load(env));
        var accounts = backend.services().accounts();
        List<ChatEvent.InitialMember> initial = new ArrayList<>();
        List<Actor> actors = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = accounts.provision(new ExternalIdentity("jmh-" + i, "JMH user " + i, null, null)).id();
            initial.add(new ChatEvent.InitialMember(id, Role.MEMBER));
            actors.add(Actor.user(id));
        }
        members = List.copyOf(actors);
        conversationId = backend.services().conversations().create(Actor.PLATFORM,
                new NewConversation(ConversationKind.GROUP, "JMH", null, null, null, initial)).conversation().id();
    }

    @Override
    public void close() throws IOException {
        backend.close();
        database.close();
        Folders.delete(dir);
    }
}
