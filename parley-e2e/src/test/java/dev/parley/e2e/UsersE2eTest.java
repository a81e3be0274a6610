package dev.parley.e2e;

import static dev.parley.e2e.Expect.fails;
import static dev.parley.e2e.Expect.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.model.ProfileUpdate;
import dev.parley.client.model.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class UsersE2eTest {
    private final Chat chat;

    UsersE2eTest(Chat chat) {
        this.chat = chat;
    }

    @Test
    void myProfileShowsMyEmailAndOthersSeeItAsNull() {
        Person ada = chat.register("Ada");
        Person bob = chat.register("Bob");

        assertThat(ada.client().users().me().email()).isEqualTo(ada.username() + "@example.org");
        assertThat(ada.client().users().get(ada.id()).email()).isEqualTo(ada.username() + "@example.org");
        User seenByBob = bob.client().users().get(ada.id());
        assertThat(seenByBob.email()).isNull();
        assertThat(seenByBob.username()).isEqualTo(ada.username());
        assertThat(seenByBob.displayName()).isEqualTo("Ada");
        fails(404, () -> bob.client().users().get("no-such-user"));
    }

    @Test
    void updatingMyProfileChangesOnlyTheGivenFields() {
        Person ada = chat.register("Ada");

        User updated = ada.client().users().updateMe(new ProfileUpdate("Ada L.", "https://example.org/ada.png",
                "In a meeting", null));

        assertThat(updated.displayName()).isEqualTo("Ada L.");
        assertThat(updated.avatarUrl()).isEqualTo("https://example.org/ada.png");
        assertThat(updated.statusText()).isEqualTo("In a meeting");
        assertThat(updated.email()).isEqualTo(ada.username() + "@example.org");

        User cleared = ada.client().users().updateMe(new ProfileUpdate(null, null, "", null));
        assertThat(cleared.statusText()).isNull();
        assertThat(cleared.displayName()).isEqualTo("Ada L.");
        assertThat(ada.client().users().me()).isEqualTo(cleared);
    }

    @Test
    void anInvalidProfileChangeIs400AndChangesNothing() {
        Person ada = chat.register("Ada");
        User before = ada.client().users().me();

        invalid("avatarUrl", () -> ada.client().users().updateMe(new ProfileUpdate("New name", "ftp://nope", null, null)));
        invalid("email", () -> ada.client().users().updateMe(new ProfileUpdate(null, null, null, "nope")));
        invalid("displayName", () -> ada.client().users().updateMe(ProfileUpdate.displayName("   ")));

        assertThat(ada.client().users().me()).isEqualTo(before);
    }

    @Test
    void theDirectoryFindsOthersByNameButNotMe() {
        String tag = Chat.unique("zeph");
        Person one = chat.register(tag + "a");
        Person two = chat.register(tag + "b");
        Person three = chat.register(tag + "c");

        assertThat(one.client().users().search(tag, null)).extracting(User::id)
                .containsExactlyInAnyOrder(two.id(), three.id());
        assertThat(one.client().users().search(tag, 1)).hasSize(1);
        assertThat(one.client().users().search(three.username(), null)).extracting(User::id).containsExactly(three.id());
        assertThat(one.client().users().search(tag, null)).allSatisfy(u -> assertThat(u.email()).isNull());
        invalid("q", () -> one.client().users().search(null, null));
        invalid("limit", () -> one.client().users().search(tag, 0));
        invalid("limit", () -> one.client().users().search(tag, 101));
    }

    @Test
    void blockingIsListedIdempotentAndReversible() {
        Person ada = chat.register("Ada");
        Person bob = chat.register("Bob");

        ada.client().users().block(bob.id());
        ada.client().users().block(bob.id());

        assertThat(ada.client().users().blocks()).extracting(User::id).containsExactly(bob.id());
        assertThat(bob.client().users().blocks()).isEmpty();

        ada.client().users().unblock(bob.id());
        ada.client().users().unblock(bob.id());
        assertThat(ada.client().users().blocks()).isEmpty();

        invalid("userId", () -> ada.client().users().block(ada.id()));
        fails(404, () -> ada.client().users().block("no-such-user"));
        assertThat(ada.client().users().blocks()).isEmpty();
    }
}
