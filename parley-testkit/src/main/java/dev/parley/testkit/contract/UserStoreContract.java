package dev.parley.testkit.contract;

import static dev.parley.testkit.contract.ContractData.T0;
import static dev.parley.testkit.contract.ContractData.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.core.error.ErrorCode;
import dev.parley.core.error.ParleyException;
import dev.parley.core.port.UserStore;
import dev.parley.core.user.User;
import dev.parley.testkit.StoreFixture;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link UserStore}; extend it with a fixture of the adapter under test. */
public abstract class UserStoreContract {
    protected abstract StoreFixture fixture();

    private UserStore users;

    @BeforeEach
    void resetStore() {
        fixture().reset();
        users = fixture().users();
    }

    private static User user(String id, String username, String displayName, String externalId) {
        return new User(id, username, displayName, username + "@example.test", "https://img.example/" + id,
                "busy", externalId, T0);
    }

    @Test
    void insertedUsersAreFoundByIdUsernameAndExternalId() {
        User alice = user("u_1", "alice", "Alice A.", null);
        User bob = user("u_2", "bob", "Bob", "host-42");
        users.insert(alice, "hash-a");
        users.insert(bob, null);

        assertThat(users.findById("u_1")).contains(alice);
        assertThat(users.findByUsername("alice")).contains(alice);
        assertThat(users.findByUsername("ALICE")).as("usernames ignore case").contains(alice);
        assertThat(users.findByExternalId("host-42")).contains(bob);
        assertThat(users.findById("u_404")).isEmpty();
        assertThat(users.findByUsername("carol")).isEmpty();
        assertThat(users.findByExternalId("host-43")).isEmpty();
    }

    @Test
    void usernamesAreStoredInLowerCase() {
        users.insert(user("u_1", "Alice", "Alice", null), null);

        assertThat(users.findById("u_1")).get().extracting(User::username).isEqualTo("alice");
    }

    @Test
    void aTakenUsernameIgnoringCaseConflictsAndChangesNothing() {
        users.insert(user("u_1", "alice", "Alice", null), "hash-a");

        assertThatThrownBy(() -> users.insert(user("u_2", "ALICE", "Other", null), "hash-b"))
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(users.findById("u_2")).isEmpty();
        assertThat(users.findByUsername("alice")).get().extracting(User::displayName).isEqualTo("Alice");
        assertThat(users.passwordHash("u_1")).contains("hash-a");
    }

    @Test
    void aTakenExternalIdConflictsButManyUsersHaveNone() {
        users.insert(user("u_1", "alice", "Alice", "host-1"), null);
        users.insert(user("u_2", "bob", "Bob", null), "hash");
        users.insert(user("u_3", "carol", "Carol", null), "hash");

        assertThatThrownBy(() -> users.insert(user("u_4", "dave", "Dave", "host-1"), null))
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(users.findById("u_4")).isEmpty();
        assertThat(users.findByIds(List.of("u_1", "u_2", "u_3", "u_4"))).hasSize(3);
    }

    @Test
    void findByIdsSkipsUnknownIds() {
        User alice = user("u_1", "alice", "Alice", null);
        User bob = user("u_2", "bob", "Bob", null);
        users.insert(alice, null);
        users.insert(bob, null);

        assertThat(users.findByIds(List.of("u_2", "u_404", "u_1"))).containsExactlyInAnyOrder(alice, bob);
        assertThat(users.findByIds(List.of())).isEmpty();
    }

    @Test
    void updateReplacesTheProfileButNotTheIdentity() {
        users.insert(user("u_1", "alice", "Alice", "host-1"), "hash");
        User changed = new User("u_1", "mallory", "Alice Liddell", "alice@wonder.land", null, "away", "host-666", at(9));

        users.update(changed);

        assertThat(users.findById("u_1")).contains(
                new User("u_1", "alice", "Alice Liddell", "alice@wonder.land", null, "away", "host-1", T0));
        assertThat(users.findByUsername("mallory")).isEmpty();
    }

    @Test
    void passwordHashesAreKeptAndReplaced() {
        users.insert(user("u_1", "alice", "Alice", null), "hash-1");
        users.insert(user("u_2", "bob", "Bob", "host-2"), null);

        assertThat(users.passwordHash("u_1")).contains("hash-1");
        assertThat(users.passwordHash("u_2")).as("host-app users have no password").isEmpty();
        assertThat(users.passwordHash("u_404")).isEmpty();

        users.setPasswordHash("u_1", "hash-2");
        assertThat(users.passwordHash("u_1")).contains("hash-2");
    }

    @Test
    void searchMatchesUsernameOrDisplayNameIgnoringCaseOrderedByUsername() {
        users.insert(user("u_1", "zoe", "Zoé Martin", null), null);
        users.insert(user("u_2", "martina", "Tina", null), null);
        users.insert(user("u_3", "bob", "Bob", null), null);
        users.insert(user("u_4", "emile", "Émile Zola", null), null);
        users.insert(user("u_5", "me", "Martin Me", null), null);

        assertThat(users.search("MART", "u_5", 10)).extracting(User::username).containsExactly("martina", "zoe");
        assertThat(users.search("émile", null, 10)).as("case beyond ASCII").extracting(User::username)
                .containsExactly("emile");
        assertThat(users.search("ZOLA", null, 10)).extracting(User::username).containsExactly("emile");
        assertThat(users.search("mart", null, 2)).extracting(User::username).containsExactly("martina", "me");
    }

    @Test
    void searchTreatsWildcardsAsText() {
        users.insert(user("u_1", "alice", "Alice", null), null);
        users.insert(user("u_2", "bob", "100% Bob", null), null);
        users.insert(user("u_3", "under_score", "U", null), null);
        users.insert(user("u_4", "carol", "Carol!", null), null);

        assertThat(users.search("%", null, 10)).extracting(User::username).containsExactly("bob");
        assertThat(users.search("_", null, 10)).extracting(User::username).containsExactly("under_score");
        assertThat(users.search("!", null, 10)).extracting(User::username).containsExactly("carol");
        assertThat(users.search("\\", null, 10)).isEmpty();
    }

    @Test
    void blocksWorkBothWaysAndListNewestFirst() {
        for (String name : List.of("alice", "bob", "carol", "dave")) users.insert(user("u_" + name, name, name, null), null);

        users.block("u_alice", "u_bob", at(1));
        users.block("u_alice", "u_carol", at(2));
        users.block("u_alice", "u_bob", at(3));

        assertThat(users.isBlockedEitherWay("u_alice", "u_bob")).isTrue();
        assertThat(users.isBlockedEitherWay("u_bob", "u_alice")).isTrue();
        assertThat(users.isBlockedEitherWay("u_bob", "u_carol")).isFalse();
        assertThat(users.blockedBy("u_alice")).containsExactly("u_carol", "u_bob");
        assertThat(users.blockedBy("u_bob")).isEmpty();

        users.unblock("u_alice", "u_bob");
        users.unblock("u_alice", "u_dave");
        assertThat(users.isBlockedEitherWay("u_alice", "u_bob")).isFalse();
        assertThat(users.blockedBy("u_alice")).containsExactly("u_carol");
    }
}
