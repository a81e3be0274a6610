package dev.parley.testkit.contract;

import static dev.parley.testkit.contract.ContractData.T0;
import static dev.parley.testkit.contract.ContractData.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.conversation.Conversation;
import dev.parley.core.conversation.ConversationCursor;
import dev.parley.core.conversation.ConversationFilter;
import dev.parley.core.conversation.ConversationKind;
import dev.parley.core.conversation.ConversationSummary;
import dev.parley.core.conversation.MemberSettings;
import dev.parley.core.conversation.Role;
import dev.parley.core.message.Message;
import dev.parley.core.port.ConversationStore;
import dev.parley.core.user.User;
import dev.parley.testkit.StoreFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link ConversationStore#listForUser}; extend it with a fixture of the adapter under test. */
public abstract class ConversationListContract {
    protected abstract StoreFixture fixture();

    private ConversationStore conversations;
    private ContractData data;
    private User alice;
    private User bob;
    private User carol;

    @BeforeEach
    void resetStore() {
        fixture().reset();
        conversations = fixture().conversations();
        data = new ContractData(fixture());
        alice = data.user("alice");
        bob = data.user("bob");
        carol = data.user("carol");
    }

    private List<ConversationSummary> list(ConversationFilter filter) {
        return conversations.listForUser(alice.id(), filter, null, 100);
    }

    private List<String> ids(ConversationFilter filter) {
        return list(filter).stream().map(s -> s.conversation().id()).toList();
    }

    private static ConversationFilter filter(ConversationKind kind, String courseId, Boolean archived, Boolean pinned,
                                             String title, boolean includeHidden) {
        return new ConversationFilter(kind, courseId, archived, pinned, title, includeHidden);
    }

    private Conversation groupActiveAt(String title, long second) {
        Conversation c = data.group(title, alice, bob);
        conversations.recordActivity(c.id(), at(second));
        return conversations.findById(c.id()).orElseThrow();
    }

    private void pin(Conversation c) {
        conversations.updateSettings(c.id(), alice.id(), new MemberSettings(false, null, true, false));
    }

    @Test
    void pinnedComeFirstThenNewestActivityThenIdDescending() {
        Conversation old = groupActiveAt("old", 10);
        Conversation newest = groupActiveAt("newest", 30);
        Conversation tieA = groupActiveAt("tie a", 20);
        Conversation tieB = groupActiveAt("tie b", 20);
        Conversation pinnedLater = groupActiveAt("pinned later", 5);
        Conversation pinnedEarlier = groupActiveAt("pinned earlier", 1);
        pin(pinnedLater);
        pin(pinnedEarlier);
        data.group("not mine", bob, carol);
        List<Conversation> ties = tieA.id().compareTo(tieB.id()) > 0 ? List.of(tieA, tieB) : List.of(tieB, tieA);

        List<String> expected = List.of(pinnedLater.id(), pinnedEarlier.id(), newest.id(), ties.get(0).id(),
                ties.get(1).id(), old.id());
        assertThat(ids(ConversationFilter.ALL)).containsExactlyElementsOf(expected);

        List<String> paged = new ArrayList<>();
        ConversationCursor cursor = null;
        for (int pages = 0; pages < 10; pages++) {
            List<ConversationSummary> page = conversations.listForUser(alice.id(), ConversationFilter.ALL, cursor, 2);
            if (page.isEmpty()) break;
            assertThat(page).hasSizeLessThanOrEqualTo(2);
            page.forEach(s -> paged.add(s.conversation().id()));
            ConversationSummary last = page.getLast();
            cursor = new ConversationCursor(last.me().settings().pinned(), last.conversation().lastActivityAt(),
                    last.conversation().id());
        }
        assertThat(paged).as("keyset pages").containsExactlyElementsOf(expected);
    }

    @Test
    void unreadCountsLiveMessagesOfOthersAboveTheReadMarkerAndMentionsOfMeOrAll() {
        Conversation c = data.group("Team", alice, bob, carol);
        Message own = data.message(c, alice, "mine");
        data.message(c, bob, "hello");
        data.mentioning(c, bob, "@alice look", List.of(alice.id()), false);
        Message all = data.mentioning(c, carol, "@all standup", List.of(), true);
        data.mentioning(c, carol, "@bob only", List.of(bob.id()), false);
        Message deleted = data.mentioning(c, bob, "@alice oops", List.of(alice.id()), false);
        data.message(c, null, "platform notice");
        data.mentioning(c, alice, "@alice note to self", List.of(alice.id()), false);
        fixture().messages().markDeleted(deleted.id(), bob.id(), at(500));
        conversations.advanceReadSeq(c.id(), alice.id(), own.seq());

        ConversationSummary summary = list(ConversationFilter.ALL).getFirst();
        assertThat(summary.unreadCount()).isEqualTo(5);
        assertThat(summary.mentionCount()).isEqualTo(2);

        conversations.advanceReadSeq(c.id(), alice.id(), all.seq() - 1);
        summary = list(ConversationFilter.ALL).getFirst();
        assertThat(summary.unreadCount()).isEqualTo(3);
        assertThat(summary.mentionCount()).isEqualTo(1);
        assertThat(summary.me()).isEqualTo(conversations.findMember(c.id(), alice.id()).orElseThrow());
        assertThat(conversations.listForUser(bob.id(), ConversationFilter.ALL, null, 10).getFirst().unreadCount())
                .as("bob: alice's and carol's messages and the platform's")
                .isEqualTo(5);
    }

    @Test
    void summariesCarryTheNewestMessageItsSenderAndTheDirectPeer() {
        Conversation direct = data.direct(alice, bob);
        data.message(direct, alice, "hi bob");
        Message newest = data.message(direct, bob, "hi alice");
        Conversation quiet = data.group("Quiet", alice);
        Conversation announced = data.group("Announced", alice);
        Message notice = data.message(announced, null, "maintenance tonight");

        List<ConversationSummary> all = list(ConversationFilter.ALL);
        ConversationSummary d = find(all, direct);
        assertThat(d.lastMessage()).isEqualTo(newest);
        assertThat(d.lastMessageSenderName()).isEqualTo("Bob");
        assertThat(d.directPeer()).isEqualTo(bob);
        ConversationSummary q = find(all, quiet);
        assertThat(q.lastMessage()).isNull();
        assertThat(q.lastMessageSenderName()).isNull();
        assertThat(q.directPeer()).isNull();
        ConversationSummary a = find(all, announced);
        assertThat(a.lastMessage()).isEqualTo(notice);
        assertThat(a.lastMessageSenderName()).isNull();
        assertThat(find(conversations.listForUser(bob.id(), ConversationFilter.ALL, null, 10), direct).directPeer())
                .isEqualTo(alice);
    }

    private static ConversationSummary find(List<ConversationSummary> summaries, Conversation c) {
        return summaries.stream().filter(s -> s.conversation().id().equals(c.id())).findFirst().orElseThrow();
    }

    @Test
    void hiddenConversationsAreListedOnlyWithUnreadMessagesOrOnRequest() {
        Conversation visible = groupActiveAt("visible", 3);
        Conversation hiddenRead = groupActiveAt("hidden read", 2);
        Conversation hiddenUnread = groupActiveAt("hidden unread", 1);
        MemberSettings hidden = new MemberSettings(false, null, false, true);
        conversations.updateSettings(hiddenRead.id(), alice.id(), hidden);
        conversations.updateSettings(hiddenUnread.id(), alice.id(), hidden);
        data.message(hiddenRead, alice, "my own message is not unread");
        Message fromBob = data.message(hiddenUnread, bob, "ping");
        conversations.recordActivity(hiddenUnread.id(), at(1));
        conversations.recordActivity(hiddenRead.id(), at(2));

        assertThat(ids(ConversationFilter.ALL)).containsExactly(visible.id(), hiddenUnread.id());
        assertThat(ids(filter(null, null, null, null, null, true)))
                .containsExactly(visible.id(), hiddenRead.id(), hiddenUnread.id());

        conversations.advanceReadSeq(hiddenUnread.id(), alice.id(), fromBob.seq());
        assertThat(ids(ConversationFilter.ALL)).containsExactly(visible.id());
    }

    @Test
    void filtersSelectKindCourseArchivedAndPinned() {
        Conversation group = groupActiveAt("Group", 5);
        Conversation direct = data.direct(alice, bob);
        Conversation course = new Conversation(data.id("c"), ConversationKind.COURSE, "Algebra", null, null, "course-1",
                null, false, null, T0, at(4), 0);
        conversations.insert(course);
        data.member(course, alice, Role.MEMBER);
        Conversation archived = groupActiveAt("Archived", 3);
        conversations.setArchived(archived.id(), true);
        pin(group);

        assertThat(ids(filter(ConversationKind.DIRECT, null, null, null, null, false))).containsExactly(direct.id());
        assertThat(ids(filter(null, "course-1", null, null, null, false))).containsExactly(course.id());
        assertThat(ids(filter(null, "course-2", null, null, null, false))).isEmpty();
        assertThat(ids(filter(null, null, false, null, null, false))).doesNotContain(archived.id()).hasSize(3);
        assertThat(ids(ConversationFilter.ALL)).doesNotContain(archived.id()).hasSize(3);
        assertThat(ids(filter(null, null, true, null, null, false))).containsExactly(archived.id());
        assertThat(ids(filter(null, null, null, true, null, false))).containsExactly(group.id());
        assertThat(ids(filter(null, null, null, false, null, false))).containsExactly(course.id(), direct.id());
    }

    @Test
    void titleQueryMatchesTitlesAndTheDirectPeersNameIgnoringCase() {
        Conversation algebra = groupActiveAt("Algebra 100%", 3);
        Conversation summer = groupActiveAt("Été 2026", 2);
        Conversation withBob = data.direct(alice, bob);
        Conversation withCarol = data.direct(alice, carol);

        assertThat(ids(filter(null, null, null, null, "ALG", false))).containsExactly(algebra.id());
        assertThat(ids(filter(null, null, null, null, "été", false))).containsExactly(summer.id());
        assertThat(ids(filter(null, null, null, null, "ÉTÉ", false))).containsExactly(summer.id());
        assertThat(ids(filter(null, null, null, null, "BO", false))).containsExactly(withBob.id());
        assertThat(ids(filter(null, null, null, null, "%", false))).containsExactly(algebra.id());
        assertThat(ids(filter(null, null, null, null, "ali", false))).as("not my own name").isEmpty();
        assertThat(withCarol).isNotNull();
    }
}
