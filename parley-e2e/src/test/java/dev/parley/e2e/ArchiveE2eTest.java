package dev.parley.e2e;

import static dev.parley.e2e.Expect.fails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.model.Conversation;
import dev.parley.client.model.ConversationQuery;
import dev.parley.client.model.ConversationSummary;
import dev.parley.client.model.HistoryQuery;
import dev.parley.client.model.Message;
import dev.parley.client.model.NewConversation;
import dev.parley.client.model.NewMember;
import dev.parley.client.model.NewMessage;
import dev.parley.client.model.SettingsUpdate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class ArchiveE2eTest {
    private final Chat chat;

    ArchiveE2eTest(Chat chat) {
        this.chat = chat;
    }

    @Test
    void anArchivedConversationIsReadOnlyUntilUnarchived() {
        Person owner = chat.register("Owner");
        Person member = chat.register("Member");
        Person newcomer = chat.register("Newcomer");
        Conversation team = owner.client().conversations().create(NewConversation.group("Archive me",
                NewMember.of(member.id()))).value();
        Message mine = member.client().messages().send(team.id(), NewMessage.text("before", "Before")).value();

        fails(403, () -> member.client().conversations().archive(team.id()));
        Conversation archived = owner.client().conversations().archive(team.id());

        assertThat(archived.archived()).isTrue();
        assertThat(owner.client().conversations().archive(team.id()).archived()).isTrue();
        fails(409, () -> member.client().messages().send(team.id(), NewMessage.text("after", "After")));
        fails(409, () -> member.client().messages().edit(mine.id(), "Edited"));
        fails(409, () -> member.client().messages().react(mine.id(), "👍"));
        fails(409, () -> member.client().messages().delete(mine.id()));
        fails(409, () -> owner.client().messages().pin(mine.id()));
        fails(409, () -> owner.client().conversations().update(team.id(), "Renamed", null, null));
        fails(409, () -> owner.client().conversations().addMembers(team.id(), List.of(newcomer.id()), null));
        fails(409, () -> owner.client().messages().forward(mine.id(), team.id(), "fwd-into-archive"));

        assertThat(member.client().messages().history(team.id(), HistoryQuery.NEWEST).items())
                .extracting(Message::text).containsExactly("Before");
        assertThat(member.client().conversations().updateSettings(team.id(), SettingsUpdate.pinned(true)).pinned()).isTrue();
        assertThat(member.client().conversations().markRead(team.id(), null))
                .isEqualTo(member.client().conversations().get(team.id()).conversation().lastSeq());

        Conversation active = owner.client().conversations().unarchive(team.id());

        assertThat(active.archived()).isFalse();
        assertThat(member.client().messages().send(team.id(), NewMessage.text("after", "After")).created()).isTrue();
        fails(403, () -> member.client().conversations().unarchive(team.id()));
    }

    @Test
    void archivedConversationsAreListedOnlyWhenAskedFor() {
        Person owner = chat.register("Owner");
        Conversation kept = owner.client().conversations().create(NewConversation.group("Kept")).value();
        Conversation old = owner.client().conversations().create(NewConversation.group("Old")).value();
        owner.client().conversations().archive(old.id());

        assertThat(ids(owner, ConversationQuery.ALL)).containsExactly(kept.id());
        assertThat(ids(owner, ConversationQuery.ALL.withArchived(false))).containsExactly(kept.id());
        assertThat(ids(owner, ConversationQuery.ALL.withArchived(true))).containsExactly(old.id());
    }

    @Test
    void eitherPersonMayArchiveTheirDirectConversation() {
        Person ada = chat.register("Ada");
        Person bob = chat.register("Bob");
        Conversation direct = ada.client().conversations().openDirect(bob.id()).value();

        assertThat(bob.client().conversations().archive(direct.id()).archived()).isTrue();
        fails(409, () -> ada.client().messages().send(direct.id(), NewMessage.text("x", "Still there?")));
        assertThat(ada.client().conversations().unarchive(direct.id()).archived()).isFalse();
    }

    private static List<String> ids(Person person, ConversationQuery query) {
        return person.client().conversations().list(query).items().stream()
                .map(ConversationSummary::conversation).map(Conversation::id).toList();
    }
}
