package dev.parley.testkit.services;

import static dev.parley.testkit.services.ServicesHarness.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.core.access.Actor;
import dev.parley.core.conversation.Conversation;
import dev.parley.core.conversation.ConversationFilter;
import dev.parley.core.conversation.ConversationKind;
import dev.parley.core.conversation.ConversationSummary;
import dev.parley.core.conversation.NewConversation;
import dev.parley.core.conversation.Role;
import dev.parley.core.conversation.SettingsUpdate;
import dev.parley.core.error.ErrorCode;
import dev.parley.core.error.ParleyException;
import dev.parley.core.event.ChatEvent;
import dev.parley.core.event.ChatEvent.InitialMember;
import dev.parley.core.message.NewMessage;
import dev.parley.core.user.User;
import dev.parley.testkit.StoreFixture;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The conversation and membership rules of the domain, over a real store. */
public abstract class ConversationRulesContract {
    protected abstract StoreFixture fixture();

    protected ServicesHarness h;
    protected User ann;
    protected User bob;
    protected User cat;

    @BeforeEach
    void setUp() {
        fixture().reset();
        h = new ServicesHarness(fixture());
        ann = h.user("ann");
        bob = h.user("bob");
        cat = h.user("cat");
    }

    @Test
    void directConversationIsCreatedOnceFromEitherSide() {
        var first = h.conversations.openDirect(as(ann), bob.id());
        var again = h.conversations.openDirect(as(bob), ann.id());
        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.conversation().id()).isEqualTo(first.conversation().id());
        assertThat(h.summary(bob, first.conversation()).directPeer().id()).isEqualTo(ann.id());
    }

    @Test
    void blockedPeopleCannotOpenADirectConversation() {
        h.accounts.block(bob.id(), ann.id());
        expect(ErrorCode.FORBIDDEN, () -> h.conversations.openDirect(as(ann), bob.id()));
        expect(ErrorCode.FORBIDDEN, () -> h.conversations.openDirect(as(bob), ann.id()));
        expect(ErrorCode.VALIDATION_FAILED, () -> h.conversations.openDirect(as(ann), ann.id()));
        expect(ErrorCode.NOT_FOUND, () -> h.conversations.openDirect(as(ann), "u_nobody"));
    }

    @Test
    void blockingStopsMessagesInAnExistingDirectConversation() {
        Conversation direct = h.conversations.openDirect(as(ann), bob.id()).conversation();
        h.send(ann, direct, "hi");
        h.accounts.block(bob.id(), ann.id());
        expect(ErrorCode.FORBIDDEN, () -> h.send(ann, direct, "still there?"));
    }

    @Test
    void creatorOwnsAGroupAndOthersGetTheirRoles() {
        var opened = h.conversations.create(as(ann), new NewConversation(ConversationKind.GROUP, "Team", "d", null, null,
                List.of(new InitialMember(bob.id(), Role.ADMIN), new InitialMember(cat.id(), Role.MEMBER))));
        var details = h.conversations.details(as(bob), opened.conversation().id());
        assertThat(details.members()).extracting(m -> m.user().username() + ":" + m.member().role())
                .containsExactly("ann:OWNER", "bob:ADMIN", "cat:MEMBER");
        ChatEvent first = h.ports.eventLog().readAfter(opened.conversation().id(), 0, 10).getFirst();
        assertThat(first).isInstanceOf(ChatEvent.ConversationCreated.class);
        assertThat(first.seq()).isEqualTo(1);
    }

    @Test
    void creationValidatesEveryField() {
        var bad = new NewConversation(ConversationKind.GROUP, " ", null, "ftp://x", "c-1",
                List.of(new InitialMember("u_ghost", Role.OWNER)));
        assertThatThrownBy(() -> h.conversations.create(as(ann), bad))
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.details())
                        .extracting(d -> d.field()).contains("title", "avatarUrl", "courseId", "members[0].role"));
        expect(ErrorCode.VALIDATION_FAILED, () -> h.conversations.create(as(ann), new NewConversation(ConversationKind.GROUP,
                "ok", null, null, null, List.of(new InitialMember("u_ghost", Role.MEMBER)))));
        assertThat(h.conversations.list(ann.id(), ConversationFilter.ALL, null, null).items()).isEmpty();
    }

    @Test
    void aCourseIdLinksOneConversation() {
        var spec = new NewConversation(ConversationKind.COURSE, "Algebra", null, null, "algebra-101", List.of());
        var first = h.conversations.create(Actor.PLATFORM, spec);
        var second = h.conversations.create(as(ann), spec);
        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.conversation().id()).isEqualTo(first.conversation().id());
    }

    @Test
    void strangersSeeNothingAndMembersActOnlyAsTheirRoleAllows() {
        Conversation group = h.group(ann, bob);
        expect(ErrorCode.NOT_FOUND, () -> h.conversations.details(as(cat), group.id()));
        expect(ErrorCode.NOT_FOUND, () -> h.send(cat, group, "let me in"));
        expect(ErrorCode.FORBIDDEN, () -> h.conversations.update(as(bob), group.id(), "Mine now", null, null));
        expect(ErrorCode.FORBIDDEN, () -> h.members.add(as(bob), group.id(), List.of(cat.id()), Role.MEMBER));
        assertThat(h.conversations.update(as(ann), group.id(), "Renamed", "", null).title()).isEqualTo("Renamed");
    }

    @Test
    void onlyOwnersAndAdminsPostAnnouncements() {
        Conversation news = h.create(ConversationKind.ANNOUNCEMENT, ann, bob);
        expect(ErrorCode.FORBIDDEN, () -> h.send(bob, news, "me too"));
        h.send(ann, news, "Welcome");
        h.members.changeRole(as(ann), news.id(), bob.id(), Role.ADMIN);
        h.send(bob, news, "Now I can");
    }

    @Test
    void archivedConversationsAreReadOnly() {
        Conversation group = h.group(ann, bob);
        h.send(bob, group, "before");
        h.conversations.setArchived(as(ann), group.id(), true);
        expect(ErrorCode.CONFLICT, () -> h.send(bob, group, "after"));
        expect(ErrorCode.CONFLICT, () -> h.conversations.update(as(ann), group.id(), "x", null, null));
        assertThat(h.conversations.list(bob.id(), ConversationFilter.ALL, null, null).items()).isEmpty();
        assertThat(h.conversations.list(bob.id(), new ConversationFilter(null, null, true, null, null, false), null, null)
                .items()).hasSize(1);
        h.conversations.setArchived(as(ann), group.id(), false);
        h.send(bob, group, "after");
    }

    @Test
    void theLastOwnerHandsOverBeforeLeaving() {
        Conversation group = h.group(ann, bob);
        expect(ErrorCode.CONFLICT, () -> h.members.leave(as(ann), group.id()));
        expect(ErrorCode.CONFLICT, () -> h.members.changeRole(as(ann), group.id(), ann.id(), Role.MEMBER));
        h.members.transferOwnership(as(ann), group.id(), bob.id());
        h.members.leave(as(ann), group.id());
        var details = h.conversations.details(as(bob), group.id());
        assertThat(details.members()).extracting(m -> m.user().username() + ":" + m.member().role()).containsExactly("bob:OWNER");
        expect(ErrorCode.NOT_FOUND, () -> h.conversations.details(as(ann), group.id()));
    }

    @Test
    void membersAreRemovedOnlyByHigherRoles() {
        Conversation group = h.group(ann, bob, cat);
        h.members.changeRole(as(ann), group.id(), bob.id(), Role.MODERATOR);
        h.members.changeRole(as(ann), group.id(), cat.id(), Role.MODERATOR);
        expect(ErrorCode.FORBIDDEN, () -> h.members.remove(as(bob), group.id(), cat.id()));
        expect(ErrorCode.FORBIDDEN, () -> h.members.changeRole(as(bob), group.id(), cat.id(), Role.MEMBER));
        h.members.remove(as(ann), group.id(), cat.id());
        expect(ErrorCode.NOT_FOUND, () -> h.members.remove(as(ann), group.id(), cat.id()));
        List<ChatEvent> events = h.ports.eventLog().readAfter(group.id(), 0, 100);
        assertThat(events.getLast()).isInstanceOf(ChatEvent.MemberRemoved.class);
    }

    @Test
    void coursesAreManagedByThePlatformAndAdmins() {
        var course = h.conversations.create(Actor.PLATFORM, new NewConversation(ConversationKind.COURSE, "Bio", null, null,
                "bio-1", List.of(new InitialMember(ann.id(), Role.ADMIN), new InitialMember(bob.id(), Role.MODERATOR))))
                .conversation();
        expect(ErrorCode.FORBIDDEN, () -> h.members.add(as(bob), course.id(), List.of(cat.id()), Role.MEMBER));
        h.members.add(as(ann), course.id(), List.of(cat.id()), Role.MEMBER);
        h.members.remove(Actor.PLATFORM, course.id(), cat.id());
        var system = new NewMessage("sys-1", dev.parley.core.message.MessageType.SYSTEM, "Lab moved to room 4", null,
                List.of(), null, null, List.of(), false);
        assertThat(h.messages.send(Actor.PLATFORM, course.id(), system).message().senderId()).isNull();
        expect(ErrorCode.VALIDATION_FAILED, () -> h.messages.send(as(ann), course.id(),
                new NewMessage("sys-2", dev.parley.core.message.MessageType.SYSTEM, "fake", null, List.of(), null, null, List.of(), false)));
    }

    @Test
    void listIsPinnedFirstThenByActivityAndPagesWithACursor() {
        Conversation a = h.group(ann, bob);
        h.clock.advance(java.time.Duration.ofMinutes(1));
        Conversation b = h.group(ann, bob);
        h.clock.advance(java.time.Duration.ofMinutes(1));
        Conversation c = h.group(ann, bob);
        h.clock.advance(java.time.Duration.ofMinutes(1));
        h.send(bob, a, "a is newest now");
        h.members.updateSettings(as(ann), b.id(), new SettingsUpdate(null, null, true, null));
        var first = h.conversations.list(ann.id(), ConversationFilter.ALL, null, 2);
        assertThat(first.items()).extracting(s -> s.conversation().id()).containsExactly(b.id(), a.id());
        var second = h.conversations.list(ann.id(), ConversationFilter.ALL, first.nextCursor(), 2);
        assertThat(second.items()).extracting(s -> s.conversation().id()).containsExactly(c.id());
        assertThat(second.nextCursor()).isNull();
        ConversationSummary top = first.items().get(1);
        assertThat(top.lastMessage().text()).isEqualTo("a is newest now");
        assertThat(top.lastMessageSenderName()).isEqualTo("bob");
    }

    @Test
    void hiddenConversationsComeBackWithNewMessages() {
        Conversation group = h.group(ann, bob);
        h.members.updateSettings(as(ann), group.id(), new SettingsUpdate(null, null, null, true));
        assertThat(h.conversations.list(ann.id(), ConversationFilter.ALL, null, null).items()).isEmpty();
        h.send(bob, group, "ping");
        assertThat(h.conversations.list(ann.id(), ConversationFilter.ALL, null, null).items()).hasSize(1);
    }

    @Test
    void muteUntilIsKeptAndClearedOnUnmute() {
        Conversation group = h.group(ann, bob);
        var until = h.clock.instant().plusSeconds(3600);
        var muted = h.members.updateSettings(as(ann), group.id(), new SettingsUpdate(true, until, null, null));
        assertThat(muted.mutedUntil()).isEqualTo(until);
        assertThat(muted.isMutedAt(h.clock.instant())).isTrue();
        assertThat(muted.isMutedAt(until.plusSeconds(1))).isFalse();
        var unmuted = h.members.updateSettings(as(ann), group.id(), new SettingsUpdate(false, null, null, null));
        assertThat(unmuted.muted()).isFalse();
        assertThat(unmuted.mutedUntil()).isNull();
        assertThat(h.bus.userEvents()).hasSize(2);
    }

    protected static void expect(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
