package dev.parley.bench.store;

import dev.parley.core.conversation.Conversation;
import dev.parley.core.conversation.ConversationKind;
import dev.parley.core.conversation.Member;
import dev.parley.core.conversation.MemberSettings;
import dev.parley.core.conversation.Role;
import dev.parley.core.event.ChatEvent;
import dev.parley.core.message.Message;
import dev.parley.core.message.MessageType;
import dev.parley.core.user.User;
import dev.parley.server.id.TimeOrderedIdSource;
import dev.parley.store.DatabaseSettings;
import dev.parley.store.JdbcStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Fills a database with a {@link StoreLayout} through the JDBC stores directly (not through HTTP):
 * users with host-token subjects, group conversations with their members, and messages with their
 * creation events, one write transaction per conversation. The rows are what Parley itself writes
 * (gap-free seqs, one event per change, indexed text), so a Parley server started on the database
 * serves them as its own. A marker file records the finished layout; {@link #ensure} reuses a
 * store whose marker matches and regenerates anything else.
 */
public final class StoreGenerator {
    public static final String MARKER = "bench-store.properties";
    /** The generated conversations' ids, one a line, by conversation number. */
    public static final String CONVERSATION_IDS = "bench-store-conversations.txt";
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private StoreGenerator() {
    }

    /** True if {@code dir} holds a finished store of {@code layout} for {@code databaseKind}. */
    public static boolean isReady(Path dir, StoreLayout layout, String databaseKind) {
        Path marker = dir.resolve(MARKER);
        try {
            return Files.isRegularFile(marker)
                    && Files.readString(marker, StandardCharsets.UTF_8).strip().equals(markerText(layout, databaseKind));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Generates the store into the database unless {@link #isReady}; the database must be empty or
     * hold an earlier, unfinished or different bench store (every row is deleted first).
     */
    public static void ensure(Path dir, StoreLayout layout, String databaseKind, DatabaseSettings database,
                              Consumer<String> progress) {
        if (isReady(dir, layout, databaseKind)) {
            progress.accept("Reusing the generated store in " + dir);
            return;
        }
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(dir.resolve(MARKER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long started = System.nanoTime();
        try (JdbcStores stores = JdbcStores.open(database)) {
            stores.migrate();
            stores.reset();
            List<String> conversationIds = generate(stores, layout, progress);
            Files.write(dir.resolve(CONVERSATION_IDS), conversationIds, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.writeString(dir.resolve(MARKER), markerText(layout, databaseKind) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        progress.accept(String.format("Generated %,d messages in %.1f s", layout.messages(),
                (System.nanoTime() - started) / 1e9));
    }

    private static String markerText(StoreLayout layout, String databaseKind) {
        return "database=" + databaseKind + "," + layout.describe();
    }

    /** The ids of the generated conversations, by number, as {@link #ensure} recorded them. */
    public static List<String> conversationIds(Path dir) {
        try {
            return Files.readAllLines(dir.resolve(CONVERSATION_IDS), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The store in " + dir + " has no conversation list", e);
        }
    }

    private static List<String> generate(JdbcStores stores, StoreLayout layout, Consumer<String> progress) {
        List<String> conversationIds = new ArrayList<>(layout.conversations());
        TimeOrderedIdSource ids = new TimeOrderedIdSource(Clock.systemUTC(), new SecureRandom());
        List<String> userIds = new ArrayList<>(layout.users());
        stores.transactor().write(() -> {
            for (int u = 0; u < layout.users(); u++) {
                String id = ids.next("u");
                stores.users().insert(new User(id, StoreLayout.subject(u), StoreLayout.displayName(u), null, null, null,
                        StoreLayout.subject(u), EPOCH), null);
                userIds.add(id);
            }
            return null;
        });
        // Messages are spread over a year, one conversation after another.
        long spacingMillis = Math.max(1, Duration.ofDays(365).toMillis() / Math.max(1, layout.messages()));
        long n = 0;
        for (int c = 0; c < layout.conversations(); c++) {
            final long first = n;
            final int conversationNumber = c;
            stores.transactor().write(() -> {
                List<Integer> memberNumbers = layout.membersOf(conversationNumber);
                String owner = userIds.get(memberNumbers.getFirst());
                Instant createdAt = EPOCH.plusMillis(first * spacingMillis);
                Conversation conversation = new Conversation(ids.next("c"), ConversationKind.GROUP,
                        "Bench conversation " + conversationNumber, null, null, null, null, false, owner, createdAt,
                        createdAt, 0);
                stores.conversations().insert(conversation);
                conversationIds.add(conversation.id());
                List<ChatEvent.InitialMember> initial = new ArrayList<>();
                for (int j = 0; j < memberNumbers.size(); j++) {
                    String userId = userIds.get(memberNumbers.get(j));
                    Role role = j == 0 ? Role.OWNER : Role.MEMBER;
                    stores.conversations().insertMember(new Member(conversation.id(), userId, role, createdAt, 0, 0,
                            MemberSettings.DEFAULT));
                    initial.add(new ChatEvent.InitialMember(userId, role));
                }
                long seq = stores.conversations().nextSeq(conversation.id());
                stores.eventLog().append(new ChatEvent.ConversationCreated(conversation.id(), seq, createdAt,
                        stores.conversations().findById(conversation.id()).orElseThrow(), initial));
                Instant at = createdAt;
                for (int i = 0; i < layout.messagesPerConversation(); i++) {
                    long number = first + i;
                    at = EPOCH.plusMillis(number * spacingMillis);
                    String sender = userIds.get(memberNumbers.get(i % memberNumbers.size()));
                    long messageSeq = stores.conversations().nextSeq(conversation.id());
                    Message message = new Message(ids.next("m"), conversation.id(), messageSeq, sender, "g-" + number,
                            MessageType.TEXT, Corpus.text(number), null, List.of(), null, null, List.of(), false, null,
                            at, null, null, null, Message.ThreadStats.NONE);
                    stores.messages().insert(message);
                    stores.eventLog().append(new ChatEvent.MessageCreated(conversation.id(), messageSeq, at, message));
                }
                stores.conversations().recordActivity(conversation.id(), at);
                return null;
            });
            n += layout.messagesPerConversation();
            if ((c + 1) % 50 == 0 || c + 1 == layout.conversations()) {
                progress.accept(String.format("  %,d / %,d messages", n, layout.messages()));
            }
        }
        return conversationIds;
    }
}
