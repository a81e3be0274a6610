package dev.parley.e2e;

import static dev.parley.e2e.Expect.fails;
import static dev.parley.e2e.Expect.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.model.Conversation;
import dev.parley.client.model.HistoryQuery;
import dev.parley.client.model.Message;
import dev.parley.client.model.MessageEdit;
import dev.parley.client.model.NewConversation;
import dev.parley.client.model.NewMember;
import dev.parley.client.model.NewMessage;
import dev.parley.client.model.Role;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class MessageChangesE2eTest {
    private final Chat chat;

    MessageChangesE2eTest(Chat chat) {
        this.chat = chat;
    }

    private Conversation team(Person owner, NewMember... members) {
        return owner.client().conversations().create(NewConversation.group("Team", members)).value();
    }

    @Test
    void editingReplacesTheTextAndKeepsTheHistoryOldestFirst() {
        Person ada = chat.register("Ada");
        Person bob = chat.register("Bob");
        Conversation team = team(ada, NewMember.of(bob.id()));
        Message sent = ada.client().messages().send(team.id(), NewMessage.text("e1", "Helo")).value();

        Message first = ada.client().messages().edit(sent.id(), "Hello");
        Message second = ada.client().messages().edit(sent.id(), "Hello @bob", List.of(bob.id()), false);

        assertThat(first.text()).isEqualTo("Hello");
        assertThat(first.editedAt()).isNotNull();
        assertThat(second.mentions()).containsExactly(bob.id());
        assertThat(second.seq()).isEqualTo(sent.seq());
        Message seenByBob = bob.client().messages().get(sent.id());
        assertThat(seenByBob.text()).isEqualTo("Hello @bob");
        assertThat(seenByBob.editedAt()).isNotNull();
        List<MessageEdit> edits = bob.client().messages().edits(sent.id());
        assertThat(edits).extracting(MessageEdit::previousText).containsExactly("Helo", "Hello");
        assertThat(edits.get(0).replacedAt()).isBeforeOrEqualTo(edits.get(1).replacedAt());

        fails(403, () -> bob.client().messages().edit(sent.id(), "Bob was here"));
        invalid("text", () -> ada.client().messages().edit(sent.id(), " "));
        invalid("mentions[0]", () -> ada.client().messages().edit(sent.id(), "Hi", List.of("no-such-user"), false));
        fails(404, () -> ada.client().messages().edit("no-such-message", "Hi"));
        Person outsider = chat.register("Outsider");
        fails(404, () -> outsider.client().messages().edits(sent.id()));
        fails(404, () -> outsider.client().messages().edit(sent.id(), "Mine"));
        assertThat(bob.client().messages().get(sent.id()).text()).isEqualTo("Hello @bob");
    }

    @Test
    void deletingLeavesATombstoneThatOnlyOwnersAndAdminsSeeTheDeleterOf() {
        Person owner = chat.register("Owner");
        Person admin = chat.register("Admin");
        Person member = chat.register("Member");
        Person outsider = chat.register("Outsider");
        Conversation team = team(owner, NewMember.of(admin.id(), Role.ADMIN), NewMember.of(member.id()));
        Message oops = member.client().messages().send(team.id(), NewMessage.text("d1", "Oops wrong chat")).value();
        member.client().messages().edit(oops.id(), "Oops, wrong chat");
        member.client().messages().react(oops.id(), "👍");

        fails(404, () -> outsider.client().messages().delete(oops.id()));
        Message tombstone = member.client().messages().delete(oops.id());
        Message again = member.client().messages().delete(oops.id());

        assertThat(tombstone.isDeleted()).isTrue();
        assertThat(tombstone.id()).isEqualTo(oops.id());
        assertThat(tombstone.seq()).isEqualTo(oops.seq());
        assertThat(tombstone.senderId()).isEqualTo(member.id());
        assertThat(tombstone.text()).isNull();
        assertThat(tombstone.attachments()).isEmpty();
        assertThat(tombstone.reactions()).isEmpty();
        assertThat(again.deletedAt()).isEqualTo(tombstone.deletedAt());
        assertThat(admin.client().messages().get(oops.id()).deletedBy()).isEqualTo(member.id());
        assertThat(owner.client().messages().get(oops.id()).deletedBy()).isEqualTo(member.id());
        assertThat(member.client().messages().get(oops.id()).deletedBy()).isNull();
        assertThat(member.client().messages().edits(oops.id())).isEmpty();
        assertThat(owner.client().messages().history(team.id(), HistoryQuery.NEWEST).items())
                .extracting(Message::id).containsExactly(oops.id());
        assertThat(owner.client().conversations().get(team.id()).messageCount()).isZero();
        fails(409, () -> member.client().messages().edit(oops.id(), "Back"));
        fails(409, () -> member.client().messages().react(oops.id(), "👍"));
        fails(409, () -> owner.client().messages().pin(oops.id()));
    }

    @Test
    void reactionsAreCountedPerEmojiWithMyOwnMarked() {
        Person ada = chat.register("Ada");
        Person bob = chat.register("Bob");
        Person carol = chat.register("Carol");
        Conversation team = team(ada, NewMember.of(bob.id()), NewMember.of(carol.id()));
        Message msg = ada.client().messages().send(team.id(), NewMessage.text("r1", "We shipped!")).value();

        bob.client().messages().react(msg.id(), "👍");
        bob.client().messages().react(msg.id(), "👍");
        carol.client().messages().react(msg.id(), "👍");
        carol.client().messages().react(msg.id(), "❤️");

        Message seenByBob = bob.client().messages().get(msg.id());
        assertThat(seenByBob.reaction("👍").count()).isEqualTo(2);
        assertThat(seenByBob.reaction("👍").me()).isTrue();
        assertThat(seenByBob.reaction("👍").userIds()).containsExactlyInAnyOrder(bob.id(), carol.id());
        assertThat(seenByBob.reaction("❤️").count()).isEqualTo(1);
        assertThat(seenByBob.reaction("❤️").me()).isFalse();
        assertThat(ada.client().messages().get(msg.id()).reaction("👍").me()).isFalse();

        bob.client().messages().unreact(msg.id(), "👍");
        bob.client().messages().unreact(msg.id(), "👍");
        carol.client().messages().unreact(msg.id(), "❤️");

        Message after = ada.client().messages().get(msg.id());
        assertThat(after.reactions()).hasSize(1);
        assertThat(after.reaction("👍").count()).isEqualTo(1);
        assertThat(after.reaction("👍").userIds()).containsExactly(carol.id());
        invalid("emoji", () -> bob.client().messages().react(msg.id(), "abc"));
        invalid("emoji", () -> bob.client().messages().react(msg.id(), "<b>"));
        fails(404, () -> bob.client().messages().react("no-such-message", "👍"));
    }

    @Test
    void pinsNeedAModeratorInGroupsAndEitherPersonInDirects() {
        Person owner = chat.register("Owner");
        Person moderator = chat.register("Moderator");
        Person member = chat.register("Member");
        Conversation team = team(owner, NewMember.of(moderator.id(), Role.MODERATOR), NewMember.of(member.id()));
        Message first = member.client().messages().send(team.id(), NewMessage.text("p1", "Agenda")).value();
        Message second = member.client().messages().send(team.id(), NewMessage.text("p2", "Minutes")).value();

        fails(403, () -> member.client().messages().pin(first.id()));
        moderator.client().messages().pin(first.id());
        moderator.client().messages().pin(first.id());
        owner.client().messages().pin(second.id());

        assertThat(member.client().messages().pins(team.id())).extracting(Message::id)
                .containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(member.client().messages().get(first.id()).pinned()).isTrue();
        fails(403, () -> member.client().messages().unpin(first.id()));
        moderator.client().messages().unpin(first.id());
        assertThat(member.client().messages().pins(team.id())).extracting(Message::id).containsExactly(second.id());
        assertThat(member.client().messages().get(first.id()).pinned()).isFalse();

        Person bob = chat.register("Bob");
        Conversation direct = member.client().conversations().openDirect(bob.id()).value();
        Message note = member.client().messages().send(direct.id(), NewMessage.text("p3", "Address")).value();
        bob.client().messages().pin(note.id());
        assertThat(member.client().messages().pins(direct.id())).extracting(Message::id).containsExactly(note.id());
        fails(404, () -> bob.client().messages().pins(team.id()));
    }
}
