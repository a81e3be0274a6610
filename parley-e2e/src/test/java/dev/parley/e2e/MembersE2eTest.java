package dev.parley.e2e;

import static dev.parley.e2e.Expect.fails;
import static dev.parley.e2e.Expect.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.model.Conversation;
import dev.parley.client.model.Member;
import dev.parley.client.model.MemberProfile;
import dev.parley.client.model.MemberSettings;
import dev.parley.client.model.NewConversation;
import dev.parley.client.model.NewMember;
import dev.parley.client.model.Role;
import dev.parley.client.model.SettingsUpdate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class MembersE2eTest {
    private final Chat chat;

    MembersE2eTest(Chat chat) {
        this.chat = chat;
    }

    private Conversation group(Person owner, NewMember... members) {
        return owner.client().conversations().create(NewConversation.group("Team", members)).value();
    }

    @Test
    void addingMembersReturnsOnlyTheNewOnesWithTheGivenRole() {
        Person owner = chat.register("Owner");
        Person moderator = chat.register("Moderator");
        Person dave = chat.register("Dave");
        Person erin = chat.register("Erin");
        Person frank = chat.register("Frank");
        Conversation team = group(owner, NewMember.of(moderator.id(), Role.MODERATOR));

        List<Member> added = owner.client().conversations().addMembers(team.id(), List.of(dave.id(), erin.id()), null);
        List<Member> again = owner.client().conversations().addMembers(team.id(), List.of(dave.id()), Role.ADMIN);
        List<Member> byModerator = moderator.client().conversations().addMembers(team.id(), List.of(frank.id()), null);

        assertThat(added).extracting(Member::userId).containsExactlyInAnyOrder(dave.id(), erin.id());
        assertThat(added).allSatisfy(m -> {
            assertThat(m.role()).isEqualTo(Role.MEMBER);
            assertThat(m.conversationId()).isEqualTo(team.id());
        });
        assertThat(again).isEmpty();
        assertThat(byModerator).extracting(Member::userId).containsExactly(frank.id());
        assertThat(dave.client().conversations().get(team.id()).me().role()).isEqualTo(Role.MEMBER);
        List<MemberProfile> members = owner.client().conversations().members(team.id());
        assertThat(members).hasSize(5);
        assertThat(members).allSatisfy(m -> assertThat(m.user().id()).isEqualTo(m.userId()));
    }

    @Test
    void addingNeedsThePermissionARoleNoHigherThanOnesOwnAndKnownUsers() {
        Person owner = chat.register("Owner");
        Person moderator = chat.register("Moderator");
        Person member = chat.register("Member");
        Person dave = chat.register("Dave");
        Conversation team = group(owner, NewMember.of(moderator.id(), Role.MODERATOR), NewMember.of(member.id()));

        fails(403, () -> member.client().conversations().addMembers(team.id(), List.of(dave.id()), null));
        fails(403, () -> moderator.client().conversations().addMembers(team.id(), List.of(dave.id()), Role.ADMIN));
        invalid("userIds[0]", () -> owner.client().conversations().addMembers(team.id(), List.of("no-such-user"), null));
        invalid("userIds", () -> owner.client().conversations().addMembers(team.id(), List.of(), null));

        fails(404, () -> dave.client().conversations().get(team.id()));

        Conversation course = owner.client().conversations().create(NewConversation.course(Chat.unique("course"),
                "Course", NewMember.of(moderator.id(), Role.MODERATOR))).value();
        fails(403, () -> moderator.client().conversations().addMembers(course.id(), List.of(dave.id()), null));
        assertThat(owner.client().conversations().addMembers(course.id(), List.of(dave.id()), null)).hasSize(1);
    }

    @Test
    void rolesChangeWithinTheRankOfTheOneChangingThem() {
        Person owner = chat.register("Owner");
        Person admin = chat.register("Admin");
        Person member = chat.register("Member");
        Conversation team = group(owner, NewMember.of(admin.id(), Role.ADMIN), NewMember.of(member.id()));

        Member promoted = admin.client().conversations().changeRole(team.id(), member.id(), Role.MODERATOR);

        assertThat(promoted.role()).isEqualTo(Role.MODERATOR);
        assertThat(promoted.userId()).isEqualTo(member.id());
        fails(403, () -> admin.client().conversations().changeRole(team.id(), member.id(), Role.OWNER));
        fails(403, () -> admin.client().conversations().changeRole(team.id(), owner.id(), Role.MEMBER));
        fails(403, () -> member.client().conversations().changeRole(team.id(), admin.id(), Role.MEMBER));
        fails(404, () -> owner.client().conversations().changeRole(team.id(), "no-such-user", Role.ADMIN));
        fails(409, () -> owner.client().conversations().changeRole(team.id(), owner.id(), Role.ADMIN));
        RawHttp.Answer unknownRole = chat.raw().send("PATCH", "/api/v1/conversations/" + team.id() + "/members/"
                + member.id(), bearer(owner), "{\"role\":\"emperor\"}");
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.errorCode()).isEqualTo("validation_failed");
        assertThat(owner.client().conversations().get(team.id()).members())
                .filteredOn(m -> m.userId().equals(member.id())).extracting(MemberProfile::role)
                .containsExactly(Role.MODERATOR);
    }

    @Test
    void removingTakesALowerRoleAndTheRemovedNoLongerSeeTheConversation() {
        Person owner = chat.register("Owner");
        Person admin = chat.register("Admin");
        Person moderator = chat.register("Moderator");
        Person member = chat.register("Member");
        Conversation team = group(owner, NewMember.of(admin.id(), Role.ADMIN),
                NewMember.of(moderator.id(), Role.MODERATOR), NewMember.of(member.id()));

        fails(403, () -> moderator.client().conversations().removeMember(team.id(), admin.id()));
        fails(403, () -> member.client().conversations().removeMember(team.id(), moderator.id()));
        moderator.client().conversations().removeMember(team.id(), member.id());
        fails(404, () -> admin.client().conversations().removeMember(team.id(), member.id()));

        fails(404, () -> member.client().conversations().get(team.id()));
        assertThat(owner.client().conversations().members(team.id())).extracting(MemberProfile::userId)
                .containsExactlyInAnyOrder(owner.id(), admin.id(), moderator.id());
    }

    @Test
    void membersLeaveButTheLastOwnerMustHandOverFirst() {
        Person owner = chat.register("Owner");
        Person member = chat.register("Member");
        Conversation team = group(owner, NewMember.of(member.id()));

        fails(409, () -> owner.client().conversations().leave(team.id()));
        member.client().conversations().leave(team.id());

        fails(404, () -> member.client().conversations().get(team.id()));
        fails(404, () -> member.client().conversations().leave(team.id()));
        Person second = chat.register("Second");
        owner.client().conversations().addMembers(team.id(), List.of(second.id()), null);
        second.client().conversations().removeMember(team.id(), second.id());
        fails(404, () -> second.client().conversations().get(team.id()));
        assertThat(owner.client().conversations().members(team.id())).extracting(MemberProfile::userId)
                .containsExactly(owner.id());
    }

    @Test
    void transferringOwnershipMakesTheOtherOwnerAndMeAdmin() {
        Person owner = chat.register("Owner");
        Person admin = chat.register("Admin");
        Person member = chat.register("Member");
        Person outsider = chat.register("Outsider");
        Conversation team = group(owner, NewMember.of(admin.id(), Role.ADMIN), NewMember.of(member.id()));

        fails(403, () -> admin.client().conversations().transferOwnership(team.id(), member.id()));
        invalid("userId", () -> owner.client().conversations().transferOwnership(team.id(), owner.id()));
        fails(404, () -> owner.client().conversations().transferOwnership(team.id(), outsider.id()));
        owner.client().conversations().transferOwnership(team.id(), member.id());

        assertThat(member.client().conversations().get(team.id()).me().role()).isEqualTo(Role.OWNER);
        assertThat(owner.client().conversations().get(team.id()).me().role()).isEqualTo(Role.ADMIN);
        owner.client().conversations().leave(team.id());
        fails(404, () -> owner.client().conversations().get(team.id()));
    }

    @Test
    void mySettingsArePartialAndOnlyMine() {
        Person owner = chat.register("Owner");
        Person member = chat.register("Member");
        Conversation team = group(owner, NewMember.of(member.id()));
        Instant until = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        MemberSettings pinned = member.client().conversations().updateSettings(team.id(), SettingsUpdate.pinned(true));
        MemberSettings muted = member.client().conversations().updateSettings(team.id(), SettingsUpdate.muted(true, until));
        MemberSettings hidden = member.client().conversations().updateSettings(team.id(), SettingsUpdate.hidden(true));

        assertThat(pinned).isEqualTo(new MemberSettings(false, null, true, false));
        assertThat(muted).isEqualTo(new MemberSettings(true, until, true, false));
        assertThat(hidden).isEqualTo(new MemberSettings(true, until, true, true));
        assertThat(member.client().conversations().get(team.id()).me().settings()).isEqualTo(hidden);
        assertThat(member.client().conversations().updateSettings(team.id(), SettingsUpdate.muted(false, null)))
                .isEqualTo(new MemberSettings(false, null, true, true));
        assertThat(owner.client().conversations().get(team.id()).me().settings())
                .isEqualTo(new MemberSettings(false, null, false, false));
        RawHttp.Answer wrongType = chat.raw().send("PATCH", "/api/v1/conversations/" + team.id() + "/settings",
                bearer(member), "{\"pinned\":\"yes please\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().path("error").path("details").get(0).path("field").asText()).isEqualTo("pinned");
    }

    static Map<String, String> bearer(Person person) {
        return Map.of("Content-Type", "application/json", "Authorization", "Bearer " + person.client().tokens().accessToken());
    }
}
