package dev.parley.e2e;

import static dev.parley.e2e.Expect.fails;
import static dev.parley.e2e.Expect.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.Created;
import dev.parley.client.model.Conversation;
import dev.parley.client.model.ConversationDetails;
import dev.parley.client.model.ConversationKind;
import dev.parley.client.model.HistoryQuery;
import dev.parley.client.model.Message;
import dev.parley.client.model.MemberProfile;
import dev.parley.client.model.NewConversation;
import dev.parley.client.model.NewMember;
import dev.parley.client.model.NewMessage;
import dev.parley.client.model.Role;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class ConversationKindsE2eTest {
    private final Chat chat;

    ConversationKindsE2eTest(Chat chat) {
        this.chat = chat;
    }

    @Test
    void aGroupIsCreatedWithItsCreatorAsOwnerAndTheGivenRoles() {
        Person ada = chat.register("Ada");
        Person bob = chat.register("Bob");
        Person carol = chat.register("Carol");

        Created<Conversation> created = ada.client().conversations().create(NewConversation.group("Launch",
                NewMember.of(bob.id(), Role.MODERATOR), NewMember.of(carol.id())).withDescription("Ship it"));

        assertThat(created.created()).isTrue();
        Conversation group = created.value();
        assertThat(group.kind()).isEqualTo(ConversationKind.GROUP);
        assertThat(group.title()).isEqualTo("Launch");
        assertThat(group.description()).isEqualTo("Ship it");
        assertThat(group.createdBy()).isEqualTo(ada.id());
        assertThat(group.archived()).isFalse();
        ConversationDetails details = carol.client().conversations().get(group.id());
        assertThat(roles(details.members())).isEqualTo(Map.of(ada.id(), Role.OWNER, bob.id(), Role.MODERATOR,
                carol.id(), Role.MEMBER));
        assertThat(details.me().role()).isEqualTo(Role.MEMBER);
        assertThat(details.messageCount()).isZero();
        assertThat(roles(carol.client().conversations().members(group.id()))).isEqualTo(roles(details.members()));
    }

    @Test
    void invalidCreationsNameTheFieldAndCreateNothing() {
        Person ada = chat.register("Ada");
        Person bob = chat.register("Bob");

        invalid("title", () -> ada.client().conversations().create(NewConversation.group("  ")));
        invalid("courseId", () -> ada.client().conversations().create(NewConversation.course(null, "No course")));
        invalid("courseId", () -> ada.client().conversations().create(
                new NewConversation(ConversationKind.GROUP, "Group", null, null, "c-1", null)));
        invalid("kind", () -> ada.client().conversations().create(
                new NewConversation(ConversationKind.DIRECT, "Direct", null, null, null, null)));
        invalid("members[0].role", () -> ada.client().conversations().create(
                NewConversation.group("Two owners", NewMember.of(bob.id(), Role.OWNER))));
        invalid("members[0].userId", () -> ada.client().conversations().create(
                NewConversation.group("Ghosts", NewMember.of("no-such-user"))));
        invalid("avatarUrl", () -> ada.client().conversations().create(
                NewConversation.group("Bad avatar").withAvatarUrl("javascript:alert(1)")));

        assertThat(bob.client().conversations().list(dev.parley.client.model.ConversationQuery.ALL).items()).isEmpty();
    }

    @Test
    void aCourseConversationIsUniquePerCourseId() {
        Person teacher = chat.register("Teacher");
        String courseId = Chat.unique("physics");

        Created<Conversation> first = teacher.client().conversations().create(NewConversation.course(courseId, "Physics"));
        Created<Conversation> second = teacher.client().conversations().create(NewConversation.course(courseId, "Physics 2"));

        assertThat(first.created()).isTrue();
        assertThat(first.value().courseId()).isEqualTo(courseId);
        assertThat(first.value().kind()).isEqualTo(ConversationKind.COURSE);
        assertThat(second.created()).isFalse();
        assertThat(second.value().id()).isEqualTo(first.value().id());
        assertThat(second.value().title()).isEqualTo("Physics");
    }

    @Test
    void inAnAnnouncementOnlyOwnersAndAdminsPostWhileMembersReadAndReact() {
        Person owner = chat.register("Owner");
        Person admin = chat.register("Admin");
        Person member = chat.register("Member");
        Conversation news = owner.client().conversations().create(NewConversation.announcement("News",
                NewMember.of(admin.id(), Role.ADMIN), NewMember.of(member.id()))).value();

        Message post = owner.client().messages().send(news.id(), NewMessage.text("news-1", "Release 1.0 is out")).value();
        admin.client().messages().send(news.id(), NewMessage.text("news-2", "Thanks all"));
        fails(403, () -> member.client().messages().send(news.id(), NewMessage.text("news-3", "Can I post?")));
        member.client().messages().react(post.id(), "🎉");

        assertThat(member.client().messages().history(news.id(), HistoryQuery.NEWEST).items())
                .extracting(Message::text).containsExactly("Release 1.0 is out", "Thanks all");
        assertThat(owner.client().messages().get(post.id()).reaction("🎉").count()).isEqualTo(1);
    }

    @Test
    void renamingNeedsOwnerOrAdminAndAnOutsiderSeesNothing() {
        Person owner = chat.register("Owner");
        Person moderator = chat.register("Moderator");
        Person member = chat.register("Member");
        Person outsider = chat.register("Outsider");
        Conversation group = owner.client().conversations().create(NewConversation.group("Old name",
                NewMember.of(moderator.id(), Role.MODERATOR), NewMember.of(member.id()))).value();
        Message hello = owner.client().messages().send(group.id(), NewMessage.text("hello", "Hello")).value();

        fails(403, () -> member.client().conversations().update(group.id(), "Member's name", null, null));
        fails(403, () -> moderator.client().conversations().update(group.id(), "Moderator's name", null, null));
        invalid("title", () -> owner.client().conversations().update(group.id(), " ", null, null));
        Conversation renamed = owner.client().conversations().update(group.id(), "New name", "About us",
                "https://example.org/g.png");

        assertThat(renamed.title()).isEqualTo("New name");
        assertThat(renamed.description()).isEqualTo("About us");
        assertThat(renamed.avatarUrl()).isEqualTo("https://example.org/g.png");
        assertThat(owner.client().conversations().update(group.id(), null, "", null).description()).isNull();
        assertThat(member.client().conversations().get(group.id()).conversation().title()).isEqualTo("New name");

        fails(404, () -> outsider.client().conversations().get(group.id()));
        fails(404, () -> outsider.client().conversations().members(group.id()));
        fails(404, () -> outsider.client().messages().history(group.id(), HistoryQuery.NEWEST));
        fails(404, () -> outsider.client().messages().get(hello.id()));
        fails(404, () -> outsider.client().messages().send(group.id(), NewMessage.text("intrude", "Hi")));
        fails(404, () -> outsider.client().conversations().update(group.id(), "Mine now", null, null));
        fails(404, () -> outsider.client().conversations().get("no-such-conversation"));
    }

    @Test
    void aModeratorMayDeleteOthersMessagesButAMemberMayNot() {
        Person owner = chat.register("Owner");
        Person moderator = chat.register("Moderator");
        Person member = chat.register("Member");
        Conversation group = owner.client().conversations().create(NewConversation.group("Moderated",
                NewMember.of(moderator.id(), Role.MODERATOR), NewMember.of(member.id()))).value();
        Message spam = member.client().messages().send(group.id(), NewMessage.text("spam", "Buy now")).value();
        Message ownerPost = owner.client().messages().send(group.id(), NewMessage.text("rules", "Be kind")).value();

        fails(403, () -> member.client().messages().delete(ownerPost.id()));
        Message tombstone = moderator.client().messages().delete(spam.id());

        assertThat(tombstone.isDeleted()).isTrue();
        assertThat(tombstone.text()).isNull();
        assertThat(owner.client().messages().get(spam.id()).deletedBy()).isEqualTo(moderator.id());
        assertThat(member.client().messages().get(spam.id()).deletedBy()).isNull();
        assertThat(owner.client().messages().get(ownerPost.id()).isDeleted()).isFalse();
    }

    private static Map<String, Role> roles(List<MemberProfile> members) {
        return members.stream().collect(Collectors.toMap(MemberProfile::userId, MemberProfile::role));
    }
}
