package dev.parley.e2e;

import static dev.parley.e2e.Expect.fails;
import static dev.parley.e2e.Expect.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.Created;
import dev.parley.client.model.Conversation;
import dev.parley.client.model.ConversationDetails;
import dev.parley.client.model.ConversationKind;
import dev.parley.client.model.NewMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class DirectConversationE2eTest {
    private final Chat chat;

    DirectConversationE2eTest(Chat chat) {
        this.chat = chat;
    }

    @Test
    void openingADirectConversationAgainReturnsTheSameOneWith200() {
        Person ada = chat.register("Ada");
        Person bob = chat.register("Bob");

        Created<Conversation> first = ada.client().conversations().openDirect(bob.id());
        Created<Conversation> again = ada.client().conversations().openDirect(bob.id());
        Created<Conversation> fromBob = bob.client().conversations().openDirect(ada.id());

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(fromBob.created()).isFalse();
        assertThat(again.value().id()).isEqualTo(first.value().id());
        assertThat(fromBob.value().id()).isEqualTo(first.value().id());
        assertThat(first.value().kind()).isEqualTo(ConversationKind.DIRECT);
        assertThat(first.value().title()).isNull();
        assertThat(first.value().courseId()).isNull();
        ConversationDetails details = bob.client().conversations().get(first.value().id());
        assertThat(details.members()).extracting(m -> m.user().id()).containsExactlyInAnyOrder(ada.id(), bob.id());
        assertThat(details.me().userId()).isEqualTo(bob.id());
    }

    @Test
    void aDirectConversationNeedsSomeoneElseWhoExists() {
        Person ada = chat.register("Ada");

        invalid("userId", () -> ada.client().conversations().openDirect(ada.id()));
        invalid("userId", () -> ada.client().conversations().openDirect(""));
        fails(404, () -> ada.client().conversations().openDirect("no-such-user"));
        fails(403, () -> chat.platform().conversations().openDirect(ada.id()));
    }

    @Test
    void aBlockInEitherDirectionPreventsOpeningAndPosting() {
        Person carol = chat.register("Carol");
        Person dave = chat.register("Dave");
        Person erin = chat.register("Erin");
        Conversation existing = carol.client().conversations().openDirect(erin.id()).value();

        carol.client().users().block(dave.id());
        carol.client().users().block(erin.id());

        fails(403, () -> dave.client().conversations().openDirect(carol.id()));
        fails(403, () -> carol.client().conversations().openDirect(dave.id()));
        fails(403, () -> erin.client().messages().send(existing.id(), NewMessage.text("blocked-1", "hello?")));
        fails(403, () -> carol.client().messages().send(existing.id(), NewMessage.text("blocked-2", "hello?")));

        carol.client().users().unblock(dave.id());
        assertThat(dave.client().conversations().openDirect(carol.id()).created()).isTrue();
    }

    @Test
    void directConversationsCannotBeLeftRenamedOrGrown() {
        Person ada = chat.register("Ada");
        Person bob = chat.register("Bob");
        Person carol = chat.register("Carol");
        Conversation direct = ada.client().conversations().openDirect(bob.id()).value();

        fails(409, () -> ada.client().conversations().leave(direct.id()));
        fails(403, () -> ada.client().conversations().update(direct.id(), "Our chat", null, null));
        fails(403, () -> ada.client().conversations().addMembers(direct.id(), java.util.List.of(carol.id()), null));
        fails(404, () -> carol.client().conversations().get(direct.id()));
    }
}
