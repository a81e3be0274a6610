package dev.parley.testkit.contract;

import static dev.parley.testkit.contract.ContractData.T0;
import static dev.parley.testkit.contract.ContractData.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static dev.parley.testkit.contract.ContractAssertions.assertConflict;

import dev.parley.core.conversation.Conversation;
import dev.parley.core.conversation.ConversationKind;
import dev.parley.core.conversation.Member;
import dev.parley.core.conversation.MemberSettings;
import dev.parley.core.conversation.Role;
import dev.parley.core.error.ErrorCode;
import dev.parley.core.error.ParleyException;
import dev.parley.core.port.ConversationStore;
import dev.parley.core.user.User;
import dev.parley.testkit.StoreFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ConversationStore} except "my conversations" (see
 * {@link ConversationListContract}); extend it with a fixture of the adapter under test.
 */
public abstract class ConversationStoreContract {
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

    private static Conversation course(String id, String courseId) {
        return new Conversation(id, ConversationKind.COURSE, "Algebra", "Week 1", "https://img.example/a.png",
                courseId, null, false, null, at(1), at(2), 0);
    }

    @Test
    void insertedConversationsAreFoundByIdCourseAndDirectKey() {
        Conversation course = course("c_1", "course-7");
        Conversation direct = new Conversation("c_2", ConversationKind.DIRECT, null, null, null, null,
                Conversation.directKey(alice.id(), bob.id()), false, alice.id(), T0, T0, 0);
        conversations.insert(course);
        conversations.insert(direct);

        assertThat(conversations.findById("c_1")).contains(course);
        assertThat(conversations.findByCourseId("course-7")).contains(course);
        assertThat(conversations.findByDirectKey(Conversation.directKey(bob.id(), alice.id()))).contains(direct);
        assertThat(conversations.findById("c_404")).isEmpty();
        assertThat(conversations.findByCourseId("course-8")).isEmpty();
        assertThat(conversations.findByDirectKey("u_x:u_y")).isEmpty();
    }

    @Test
    void aTakenCourseIdOrDirectKeyConflictsAndChangesNothing() {
        conversations.insert(course("c_1", "course-7"));
        String key = Conversation.directKey(alice.id(), bob.id());
        conversations.insert(new Conversation("c_2", ConversationKind.DIRECT, null, null, null, null, key, false,
                alice.id(), T0, T0, 0));

        assertConflict(() -> conversations.insert(course("c_3", "course-7")));
        assertConflict(() -> conversations.insert(new Conversation("c_4", ConversationKind.DIRECT, null, null, null,
                null, key, false, bob.id(), T0, T0, 0)));
        assertThat(conversations.findById("c_3")).isEmpty();
        assertThat(conversations.findById("c_4")).isEmpty();
        assertThat(conversations.findByCourseId("course-7")).get().extracting(Conversation::id).isEqualTo("c_1");
    }

    @Test
    void detailsAndArchivingAreReplaced() {
        conversations.insert(course("c_1", "course-7"));

        conversations.updateDetails("c_1", "Geometry", null, null);
        conversations.setArchived("c_1", true);

        Conversation stored = conversations.findById("c_1").orElseThrow();
        assertThat(stored).isEqualTo(course("c_1", "course-7").withDetails("Geometry", null, null).withArchived(true));
        conversations.setArchived("c_1", false);
        assertThat(conversations.findById("c_1").orElseThrow().archived()).isFalse();
    }

    @Test
    void nextSeqCountsUpFromTheLastSeq() {
        Conversation c = data.group("Team", alice);

        assertThat(conversations.nextSeq(c.id())).isEqualTo(1);
        assertThat(conversations.nextSeq(c.id())).isEqualTo(2);
        assertThat(fixture().transactor().write(() -> conversations.nextSeq(c.id()))).isEqualTo(3);
        assertThat(conversations.findById(c.id()).orElseThrow().lastSeq()).isEqualTo(3);
    }

    @Test
    void nextSeqOfAnUnknownConversationIsNotFound() {
        assertThatThrownBy(() -> conversations.nextSeq("c_404"))
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void aRolledBackSeqIsTakenAgain() {
        Conversation c = data.group("Team", alice);
        conversations.nextSeq(c.id());

        assertThatThrownBy(() -> fixture().transactor().write(() -> {
            conversations.nextSeq(c.id());
            throw new IllegalStateException("abort");
        })).hasMessage("abort");

        assertThat(conversations.nextSeq(c.id())).as("no gap").isEqualTo(2);
    }

    @Test
    void aConversationIsFoundWithTheMembershipOfOneUser() {
        Conversation c = data.group("Team", alice, bob);
        conversations.advanceReadSeq(c.id(), bob.id(), 4);

        ConversationStore.WithMember ofBob = conversations.findWithMember(c.id(), bob.id()).orElseThrow();
        assertThat(ofBob.conversation()).isEqualTo(conversations.findById(c.id()).orElseThrow());
        assertThat(ofBob.member()).isEqualTo(conversations.findMember(c.id(), bob.id()).orElseThrow());
        assertThat(ofBob.member().readSeq()).isEqualTo(4);
        assertThat(ofBob.memberCount()).isEqualTo(2);

        ConversationStore.WithMember ofCarol = conversations.findWithMember(c.id(), carol.id()).orElseThrow();
        assertThat(ofCarol.conversation().id()).isEqualTo(c.id());
        assertThat(ofCarol.member()).as("not a member").isNull();
        assertThat(ofCarol.memberCount()).isEqualTo(2);
        assertThat(conversations.findWithMember("c_404", bob.id())).isEmpty();
    }

    @Test
    void recordActivitySetsTheLastActivityTime() {
        Conversation c = data.group("Team", alice);

        conversations.recordActivity(c.id(), at(50));

        assertThat(conversations.findById(c.id()).orElseThrow().lastActivityAt()).isEqualTo(at(50));
    }

    @Test
    void membersAreListedInJoinOrderAndCounted() {
        Conversation c = data.group("Team");
        Member third = new Member(c.id(), alice.id(), Role.MEMBER, at(5), 0, 0, MemberSettings.DEFAULT);
        Member first = new Member(c.id(), carol.id(), Role.OWNER, at(1), 3, 2,
                new MemberSettings(true, at(99), true, false));
        Member second = new Member(c.id(), bob.id(), Role.ADMIN, at(1), 0, 0, MemberSettings.DEFAULT);
        conversations.insertMember(third);
        conversations.insertMember(first);
        conversations.insertMember(second);

        assertThat(conversations.listMembers(c.id())).containsExactly(first, second, third);
        assertThat(conversations.findMember(c.id(), carol.id())).contains(first);
        assertThat(conversations.findMember(c.id(), "u_404")).isEmpty();
        assertThat(conversations.countMembers(c.id())).isEqualTo(3);
        assertThat(conversations.countMembersWithRole(c.id(), Role.OWNER)).isEqualTo(1);
        assertThat(conversations.countMembersWithRole(c.id(), Role.MODERATOR)).isZero();
    }

    @Test
    void aSecondMembershipConflictsAndChangesNothing() {
        Conversation c = data.group("Team", alice);

        assertConflict(() -> conversations.insertMember(
                new Member(c.id(), alice.id(), Role.MEMBER, at(9), 0, 0, MemberSettings.DEFAULT)));
        assertThat(conversations.findMember(c.id(), alice.id())).get().extracting(Member::role).isEqualTo(Role.OWNER);
        assertThat(conversations.countMembers(c.id())).isEqualTo(1);
    }

    @Test
    void rolesSettingsAndRemovalChangeOneMember() {
        Conversation c = data.group("Team", alice, bob, carol);
        MemberSettings settings = new MemberSettings(true, null, true, true);

        conversations.updateRole(c.id(), bob.id(), Role.MODERATOR);
        conversations.updateSettings(c.id(), bob.id(), settings);
        conversations.deleteMember(c.id(), carol.id());

        Member member = conversations.findMember(c.id(), bob.id()).orElseThrow();
        assertThat(member.role()).isEqualTo(Role.MODERATOR);
        assertThat(member.settings()).isEqualTo(settings);
        assertThat(conversations.findMember(c.id(), alice.id()).orElseThrow().settings()).isEqualTo(MemberSettings.DEFAULT);
        assertThat(conversations.findMember(c.id(), carol.id())).isEmpty();
        assertThat(conversations.listMembers(c.id())).extracting(Member::userId).containsExactly(alice.id(), bob.id());
    }

    @Test
    void markersOnlyMoveForward() {
        Conversation c = data.group("Team", alice, bob);

        assertThat(conversations.advanceReadSeq(c.id(), bob.id(), 5)).isTrue();
        assertThat(conversations.advanceReadSeq(c.id(), bob.id(), 5)).isFalse();
        assertThat(conversations.advanceReadSeq(c.id(), bob.id(), 3)).isFalse();
        assertThat(conversations.advanceDeliveredSeq(c.id(), bob.id(), 7)).isTrue();
        assertThat(conversations.advanceDeliveredSeq(c.id(), bob.id(), 6)).isFalse();
        assertThat(conversations.advanceReadSeq(c.id(), "u_404", 9)).as("not a member").isFalse();

        Member member = conversations.findMember(c.id(), bob.id()).orElseThrow();
        assertThat(member.readSeq()).isEqualTo(5);
        assertThat(member.deliveredSeq()).isEqualTo(7);
        assertThat(conversations.findMember(c.id(), alice.id()).orElseThrow().readSeq()).isZero();
    }

    @Test
    void advanceMarkersMovesEachMarkerOnlyForward() {
        Conversation c = data.group("Team", alice, bob, carol);
        conversations.advanceReadSeq(c.id(), bob.id(), 5);
        conversations.advanceDeliveredSeq(c.id(), carol.id(), 9);

        conversations.advanceMarkers(c.id(), bob.id(), 7);
        conversations.advanceMarkers(c.id(), carol.id(), 7);
        conversations.advanceMarkers(c.id(), alice.id(), 3);
        conversations.advanceMarkers(c.id(), alice.id(), 2);
        conversations.advanceMarkers(c.id(), "u_404", 8);

        assertThat(conversations.findMember(c.id(), bob.id()).orElseThrow())
                .extracting(Member::deliveredSeq, Member::readSeq).containsExactly(7L, 7L);
        assertThat(conversations.findMember(c.id(), carol.id()).orElseThrow())
                .extracting(Member::deliveredSeq, Member::readSeq).containsExactly(9L, 7L);
        assertThat(conversations.findMember(c.id(), alice.id()).orElseThrow())
                .extracting(Member::deliveredSeq, Member::readSeq).containsExactly(3L, 3L);
        assertThat(conversations.countMembers(c.id())).as("no member added").isEqualTo(3);
    }
}
