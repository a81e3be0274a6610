package dev.parley.testkit.contract;

import static dev.parley.testkit.contract.ContractData.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.conversation.Conversation;
import dev.parley.core.message.Message;
import dev.parley.core.message.ReactionCount;
import dev.parley.core.port.MessageStore;
import dev.parley.core.user.User;
import dev.parley.testkit.StoreFixture;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link MessageStore} for reactions and pins; extend it with a fixture of the adapter under test. */
public abstract class MessageReactionContract {
    protected abstract StoreFixture fixture();

    private MessageStore messages;
    private ContractData data;
    private User alice;
    private User bob;
    private Conversation team;

    @BeforeEach
    void resetStore() {
        fixture().reset();
        messages = fixture().messages();
        data = new ContractData(fixture());
        alice = data.user("alice");
        bob = data.user("bob");
        team = data.group("Team", alice, bob);
    }

    @Test
    void aReactionIsAddedOnceAndRemovedOnce() {
        Message m = data.message(team, alice, "hi");

        assertThat(messages.addReaction(m.id(), bob.id(), "👍", at(1))).isTrue();
        assertThat(messages.addReaction(m.id(), bob.id(), "👍", at(2))).isFalse();
        assertThat(messages.addReaction(m.id(), bob.id(), "🎉", at(2))).isTrue();
        assertThat(messages.removeReaction(m.id(), bob.id(), "👍")).isTrue();
        assertThat(messages.removeReaction(m.id(), bob.id(), "👍")).isFalse();
        assertThat(messages.removeReaction(m.id(), alice.id(), "🎉")).isFalse();

        assertThat(messages.reactions(List.of(m.id()), bob.id()))
                .containsExactly(Map.entry(m.id(), List.of(new ReactionCount("🎉", 1, true, List.of(bob.id())))));
    }

    @Test
    void reactionsGroupByEmojiInOrderOfFirstUseAndMarkTheViewers() {
        Message m = data.message(team, alice, "hi");
        Message quiet = data.message(team, alice, "nobody reacts");
        Message other = data.message(team, bob, "other");
        messages.addReaction(m.id(), bob.id(), "🎉", at(1));
        messages.addReaction(m.id(), alice.id(), "👍", at(1));
        messages.addReaction(m.id(), alice.id(), "🎉", at(2));
        messages.addReaction(other.id(), alice.id(), "❤️", at(3));

        Map<String, List<ReactionCount>> forAlice = messages.reactions(List.of(m.id(), quiet.id(), other.id()), alice.id());

        assertThat(forAlice.get(m.id())).containsExactly(
                new ReactionCount("🎉", 2, true, List.of(bob.id(), alice.id())),
                new ReactionCount("👍", 1, true, List.of(alice.id())));
        assertThat(forAlice.get(other.id())).containsExactly(new ReactionCount("❤️", 1, true, List.of(alice.id())));
        assertThat(forAlice.getOrDefault(quiet.id(), List.of())).isEmpty();
        assertThat(messages.reactions(List.of(m.id()), bob.id()).get(m.id())).containsExactly(
                new ReactionCount("🎉", 2, true, List.of(bob.id(), alice.id())),
                new ReactionCount("👍", 1, false, List.of(alice.id())));
        assertThat(messages.reactions(List.of(m.id()), null).get(m.id())).extracting(ReactionCount::me)
                .containsExactly(false, false);
        assertThat(messages.reactions(List.of(), alice.id())).isEmpty();
    }

    @Test
    void aGroupNamesItsFirstTenReactorsAndCountsAll() {
        Message m = data.message(team, alice, "vote");
        List<User> voters = IntStream.rangeClosed(1, 12).mapToObj(i -> data.user("voter" + i)).toList();
        voters.forEach(v -> messages.addReaction(m.id(), v.id(), "✅", at(5)));

        ReactionCount count = messages.reactions(List.of(m.id()), voters.get(11).id()).get(m.id()).getFirst();

        assertThat(count.count()).isEqualTo(12);
        assertThat(count.me()).as("the viewer is counted though not named").isTrue();
        assertThat(count.userIds()).containsExactlyElementsOf(voters.subList(0, 10).stream().map(User::id).toList());
    }

    @Test
    void pinsAreSetOnceListedNewestFirstAndRemovedOnce() {
        Message first = data.message(team, alice, "first");
        Message second = data.message(team, bob, "second");
        Message third = data.message(team, bob, "third");

        assertThat(messages.pin(first.id(), team.id(), alice.id(), at(10))).isTrue();
        assertThat(messages.pin(first.id(), team.id(), bob.id(), at(11))).isFalse();
        assertThat(messages.pin(second.id(), team.id(), bob.id(), at(12))).isTrue();

        assertThat(messages.pinned(team.id())).containsExactly(second, first);
        assertThat(messages.pinnedAmong(List.of(first.id(), second.id(), third.id(), "m_404")))
                .containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(messages.pinnedAmong(List.of())).isEmpty();

        assertThat(messages.unpin(first.id())).isTrue();
        assertThat(messages.unpin(first.id())).isFalse();
        assertThat(messages.pinned(team.id())).containsExactly(second);
        assertThat(messages.pinned(data.group("Other", alice).id())).isEmpty();
    }

    @Test
    void aPageTellsWhichMessagesArePinnedAndWhichHaveReactions() {
        Message liked = data.message(team, alice, "liked");
        Message pinned = data.message(team, alice, "pinned");
        Message quiet = data.message(team, bob, "quiet");
        messages.addReaction(liked.id(), bob.id(), "👍", at(1));
        messages.addReaction(liked.id(), bob.id(), "👍", at(2));
        messages.addReaction(liked.id(), alice.id(), "👍", at(3));
        messages.removeReaction(quiet.id(), bob.id(), "👍");
        messages.pin(pinned.id(), team.id(), alice.id(), at(4));
        messages.pin(pinned.id(), team.id(), bob.id(), at(5));

        assertThat(marks()).containsExactly("liked: reactions", "pinned: pinned", "quiet:");

        messages.removeReaction(liked.id(), bob.id(), "👍");
        assertThat(marks()).as("one reaction is left").first().isEqualTo("liked: reactions");

        messages.removeReaction(liked.id(), alice.id(), "👍");
        messages.removeReaction(liked.id(), alice.id(), "👍");
        messages.unpin(pinned.id());
        messages.unpin(pinned.id());
        messages.addReaction(quiet.id(), alice.id(), "🎉", at(6));
        assertThat(marks()).containsExactly("liked:", "pinned:", "quiet: reactions");

        messages.pin(pinned.id(), team.id(), bob.id(), at(7));
        assertThat(marks()).containsExactly("liked:", "pinned: pinned", "quiet: reactions");
    }

    /** Each message of the newest page as "text: pinned reactions", with what the page says of it. */
    private List<String> marks() {
        return messages.page(team.id(), null, null, null, 10).stream()
                .map(s -> s.message().text() + ":" + (s.pinned() ? " pinned" : "") + (s.hasReactions() ? " reactions" : ""))
                .toList();
    }
}
