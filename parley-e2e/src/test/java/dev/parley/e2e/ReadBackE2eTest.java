package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.model.Conversation;
import dev.parley.client.model.Member;
import dev.parley.client.model.MemberProfile;
import dev.parley.client.model.Message;
import dev.parley.client.model.NewConversation;
import dev.parley.client.model.NewMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a write answers is what a later read returns: same fields, same values, same time precision. */
@ExtendWith(SharedServer.class)
class ReadBackE2eTest {
    private final Chat chat;

    ReadBackE2eTest(Chat chat) {
        this.chat = chat;
    }

    @Test
    void createdConversationsAndMembersReadBackUnchanged() {
        Person ada = chat.register("Ada");
        Person bob = chat.register("Bob");
        Person carol = chat.register("Carol");

        Conversation direct = ada.client().conversations().openDirect(bob.id()).value();
        Conversation group = ada.client().conversations().create(NewConversation.group("Readback")).value();
        Member added = ada.client().conversations().addMembers(group.id(), List.of(carol.id()), null).getFirst();

        assertThat(ada.client().conversations().get(direct.id()).conversation()).isEqualTo(direct);
        assertThat(ada.client().conversations().get(group.id()).conversation().createdAt()).isEqualTo(group.createdAt());
        assertThat(carol.client().conversations().get(group.id()).me()).isEqualTo(added);
        MemberProfile profile = ada.client().conversations().members(group.id()).stream()
                .filter(m -> m.userId().equals(carol.id())).findFirst().orElseThrow();
        assertThat(profile.joinedAt()).isEqualTo(added.joinedAt());
    }

    @Test
    void sentEditedAndDeletedMessagesReadBackUnchanged() {
        Person ada = chat.register("Ada");
        Person bob = chat.register("Bob");
        Conversation direct = ada.client().conversations().openDirect(bob.id()).value();

        Message sent = ada.client().messages().send(direct.id(), NewMessage.text("rb1", "Draft")).value();
        assertThat(ada.client().messages().get(sent.id())).isEqualTo(sent);

        Message edited = ada.client().messages().edit(sent.id(), "Final");
        assertThat(ada.client().messages().get(sent.id())).isEqualTo(edited);

        Message deleted = ada.client().messages().delete(sent.id());
        assertThat(ada.client().messages().get(sent.id())).isEqualTo(deleted);
    }
}
