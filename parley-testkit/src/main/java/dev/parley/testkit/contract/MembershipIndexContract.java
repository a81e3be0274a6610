package dev.parley.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.conversation.Conversation;
import dev.parley.core.conversation.MemberSettings;
import dev.parley.core.port.MembershipIndex;
import dev.parley.core.receipt.UnreadCount;
import dev.parley.core.user.User;
import dev.parley.testkit.StoreFixture;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link MembershipIndex}; extend it with a fixture and the adapter under test. */
public abstract class MembershipIndexContract {
    protected abstract StoreFixture fixture();

    /** The adapter under test, over the fixture's database. */
    protected abstract MembershipIndex membershipIndex();

    private MembershipIndex index;
    private ContractData data;
    private User alice;
    private User bob;
    private User carol;
    private User dave;

    @BeforeEach
    void resetStore() {
        fixture().reset();
        data = new ContractData(fixture());
        alice = data.user("alice");
        bob = data.user("bob");
        carol = data.user("carol");
        dave = data.user("dave");
        index = membershipIndex();
    }

    @Test
    void aUsersConversationsComeWithTheirLastSeqIncludingArchivedAndHiddenOnes() {
        Conversation team = data.group("Team", alice, bob);
        Conversation archived = data.group("Old", alice);
        Conversation hidden = data.direct(alice, carol);
        data.group("Not mine", bob, carol);
        data.message(team, bob, "one");
        data.message(team, bob, "two");
        data.message(hidden, carol, "hi");
        fixture().conversations().setArchived(archived.id(), true);
        fixture().conversations().updateSettings(hidden.id(), alice.id(), new MemberSettings(false, null, false, true));

        assertThat(index.conversationsOf(alice.id()))
                .isEqualTo(Map.of(team.id(), 2L, archived.id(), 0L, hidden.id(), 1L));
        assertThat(index.conversationsOf(dave.id())).isEmpty();
        assertThat(index.conversationsOf("u_nobody")).isEmpty();
    }

    @Test
    void sharingMeansBeingMembersOfOneConversation() {
        data.group("Team", alice, bob);
        data.direct(bob, carol);

        assertThat(index.sharingAConversation(alice.id(), List.of(alice.id(), bob.id(), carol.id(), dave.id(), "u_x")))
                .containsExactlyInAnyOrder(alice.id(), bob.id());
        assertThat(index.sharingAConversation(bob.id(), List.of(alice.id(), carol.id())))
                .containsExactlyInAnyOrder(alice.id(), carol.id());
        assertThat(index.sharingAConversation(dave.id(), List.of(dave.id(), alice.id()))).isEmpty();
        assertThat(index.sharingAConversation(alice.id(), List.of())).isEmpty();
    }

    @Test
    void manyCandidatesAreAnsweredCompletely() {
        Conversation big = data.group("Big", alice);
        List<String> ids = IntStream.range(0, 1_003).mapToObj(i -> {
            User u = data.user("user" + i);
            if (i % 2 == 0) data.member(big, u, dev.parley.core.conversation.Role.MEMBER);
            return u.id();
        }).toList();

        assertThat(index.sharingAConversation(alice.id(), ids)).hasSize(502);
    }

    @Test
    void unreadCountsOthersLiveMessagesAboveTheReadMarkerAndTheirMentions() {
        Conversation team = data.group("Team", alice, bob, carol);
        data.message(team, bob, "read already");
        fixture().conversations().advanceReadSeq(team.id(), alice.id(), 1);
        data.message(team, alice, "mine");
        data.mentioning(team, bob, "hey @alice", List.of(alice.id()), false);
        data.mentioning(team, carol, "hey @all", List.of(), true);
        data.mentioning(team, carol, "hey @bob", List.of(bob.id()), false);
        var deleted = data.message(team, bob, "oops");
        fixture().messages().markDeleted(deleted.id(), bob.id(), ContractData.at(100));

        assertThat(index.unread(alice.id(), team.id())).contains(new UnreadCount(3, 2));
        assertThat(index.unread(bob.id(), team.id())).contains(new UnreadCount(3, 2));
        assertThat(index.unread(dave.id(), team.id())).isEmpty();
        assertThat(index.unread(alice.id(), "c_nothing")).isEmpty();
    }
}
