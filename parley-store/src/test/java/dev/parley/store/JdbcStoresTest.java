package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.parley.core.conversation.Conversation;
import dev.parley.core.conversation.ConversationKind;
import dev.parley.core.conversation.Member;
import dev.parley.core.conversation.MemberSettings;
import dev.parley.core.conversation.Role;
import dev.parley.core.error.ErrorCode;
import dev.parley.core.error.ParleyException;
import dev.parley.core.user.User;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcStoresTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    @TempDir
    Path temp;

    @Test
    void sqliteCreatesTheFileAndItsFolderAndRunsInWalMode() {
        Path file = temp.resolve("data/nested/parley.db");
        try (JdbcStores stores = JdbcStores.open(new DatabaseSettings("jdbc:sqlite:" + file, null, null, 2))) {
            stores.migrate();
            stores.migrate();
            stores.users().insert(new User("u_1", "alice", "Alice", null, null, null, null, T0), null);

            assertThat(stores.isHealthy()).isTrue();
            assertThat(file).exists();
            assertThat(Path.of(file + "-wal")).as("write-ahead log").exists();
        }
    }

    @Test
    void sqliteCopiesTheLogIntoTheDatabaseFileInTheBackground() throws IOException {
        Path file = temp.resolve("parley.db");
        try (JdbcStores stores = JdbcStores.open(new DatabaseSettings("jdbc:sqlite:" + file, null, null, 2))) {
            stores.migrate();
            long before = Files.size(file);
            stores.transactor().write(() -> {
                for (int i = 0; i < 2_000; i++) {
                    stores.users().insert(new User("u_" + i, "user" + i, "User " + i, null, null, null, null, T0), null);
                }
                return null;
            });

            // Far below the writer's automatic checkpoint: only the background checkpoint grows the file.
            await().atMost(10, TimeUnit.SECONDS).until(() -> Files.size(file) > before + 100_000);
            assertThat(stores.users().findByUsername("user1999")).isPresent();
        }
    }

    @Test
    void theLogStartsAgainUnderSteadyWritesInsteadOfGrowing() throws IOException {
        Path file = temp.resolve("parley.db");
        Path log = Path.of(file + "-wal");
        try (JdbcStores stores = JdbcStores.open(new DatabaseSettings("jdbc:sqlite:" + file, null, null, 2))) {
            stores.migrate();
            String name = "x".repeat(100_000);
            long largestLog = 0;
            // About 80 MB of log in all, one write after another, with reads in between.
            for (int i = 0; i < 800; i++) {
                int n = i;
                stores.transactor().write(() -> {
                    stores.users().insert(new User("u_" + n, "user" + n, name, null, null, null, null, T0), null);
                    return null;
                });
                assertThat(stores.users().findByUsername("user" + n)).isPresent();
                largestLog = Math.max(largestLog, Files.size(log));
            }

            assertThat(largestLog).as("the log is restarted, not grown").isLessThan(40L * 1024 * 1024);
        }
    }

    @Test
    void aClosedStoreIsNotHealthy() {
        JdbcStores stores = JdbcStores.open(new DatabaseSettings("jdbc:sqlite:" + temp.resolve("p.db"), null, null, 2));
        stores.close();

        assertThat(stores.isHealthy()).isFalse();
    }

    @Test
    void unsupportedAndInMemoryDatabasesAreRefused() {
        assertThatThrownBy(() -> JdbcStores.open(new DatabaseSettings("jdbc:mysql://localhost/parley", "u", "p", 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unsupported database URL");
        assertThatThrownBy(() -> JdbcStores.open(new DatabaseSettings("jdbc:sqlite::memory:", null, null, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in-memory");
        assertThatThrownBy(() -> JdbcStores.open(new DatabaseSettings(null, null, null, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sqliteFileUrlsWithOptionsNameTheirFile() throws IOException {
        Path file = temp.resolve("with options/parley.db");
        JdbcStores.createFolderOf("jdbc:sqlite:file:" + file + "?cache=private");

        assertThat(Files.isDirectory(file.getParent())).isTrue();
    }

    @Test
    void sqliteReportsIntegrityViolationsAsDomainErrors() {
        try (JdbcStores stores = JdbcStores.open(new DatabaseSettings("jdbc:sqlite:" + temp.resolve("fk.db"), null, null, 2))) {
            stores.migrate();
            assertIntegrityErrors(stores);
        }
    }

    @Test
    void postgresqlMigratesAnswersAndReportsIntegrityViolationsAsDomainErrors() {
        try (JdbcStores stores = JdbcStores.open(new DatabaseSettings(EmbeddedPostgresHolder.newDatabase(), "postgres",
                null, 2))) {
            stores.migrate();
            stores.migrate();

            assertThat(stores.isHealthy()).isTrue();
            assertIntegrityErrors(stores);
        }
    }

    /** A missing referenced row is a 400; a taken key is a 409 that says which key. */
    private static void assertIntegrityErrors(JdbcStores stores) {
        stores.users().insert(new User("u_1", "alice", "Alice", null, null, null, null, T0), null);
        assertThatThrownBy(() -> stores.users().insert(new User("u_2", "alice", "A", null, null, null, null, T0), null))
                .isInstanceOf(ParleyException.class).hasMessage("The username is taken");
        stores.conversations().insert(new Conversation("c_1", ConversationKind.GROUP, "Team", null, null, null, null,
                false, null, T0, T0, 0));
        Member member = new Member("c_1", "u_1", Role.MEMBER, T0, 0, 0, MemberSettings.DEFAULT);
        stores.conversations().insertMember(member);
        assertThatThrownBy(() -> stores.conversations().insertMember(member))
                .isInstanceOf(ParleyException.class).hasMessage("The user is already a member");

        assertThatThrownBy(() -> stores.conversations().insertMember(
                new Member("c_404", "u_1", Role.MEMBER, T0, 0, 0, MemberSettings.DEFAULT)))
                .isInstanceOfSatisfying(ParleyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        assertThat(stores.conversations().listMembers("c_404")).isEmpty();
    }
}
