package dev.parley.e2e;

import static dev.parley.e2e.Expect.fails;
import static dev.parley.e2e.Expect.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.model.Conversation;
import dev.parley.client.model.ConversationQuery;
import dev.parley.client.model.DeliveryStatus;
import dev.parley.client.model.Message;
import dev.parley.client.model.NewConversation;
import dev.parley.client.model.NewMember;
import dev.parley.client.model.NewMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class ReceiptsE2eTest {
    private final Chat chat;

    ReceiptsE2eTest(Chat chat) {
        this.chat = chat;
    }

    @Test
    void theSenderSeesDeliveryAndReadingProgressOfEachMessage() {
        Person ada = chat.register("Ada");
        Person bob = chat.register("Bob");
        Person carol = chat.register("Carol");
        Conversation team = ada.client().conversations().create(NewConversation.group("Team",
                NewMember.of(bob.id()), NewMember.of(carol.id()))).value();
        Message msg = ada.client().messages().send(team.id(), NewMessage.text("d1", "Status?")).value();

        assertThat(msg.delivery().status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(msg.delivery().recipients()).isEqualTo(2);
        assertThat(msg.delivery().deliveredTo()).isZero();
        assertThat(bob.client().messages().get(msg.id()).delivery()).isNull();

        assertThat(bob.client().conversations().markDelivered(team.id(), null)).isEqualTo(msg.seq());
        assertThat(delivery(ada, msg).status()).isEqualTo(DeliveryStatus.DELIVERED_SOME);
        assertThat(delivery(ada, msg).deliveredTo()).isEqualTo(1);

        assertThat(carol.client().conversations().markDelivered(team.id(), msg.seq())).isEqualTo(msg.seq());
        assertThat(delivery(ada, msg).status()).isEqualTo(DeliveryStatus.DELIVERED_ALL);

        assertThat(bob.client().conversations().markRead(team.id(), msg.seq())).isEqualTo(msg.seq());
        Message.Delivery readSome = delivery(ada, msg);
        assertThat(readSome.status()).isEqualTo(DeliveryStatus.READ_SOME);
        assertThat(readSome.readBy()).isEqualTo(1);
        assertThat(readSome.readerIds()).containsExactly(bob.id());

        carol.client().conversations().markRead(team.id(), null);
        Message.Delivery readAll = delivery(ada, msg);
        assertThat(readAll.status()).isEqualTo(DeliveryStatus.READ_ALL);
        assertThat(readAll.readBy()).isEqualTo(2);
        assertThat(readAll.readerIds()).containsExactlyInAnyOrder(bob.id(), carol.id());
    }

    @Test
    void markersOnlyMoveForwardReadingImpliesDeliveryAndTheyStayWithinTheConversation() {
        Person ada = chat.register("Ada");
        Person bob = chat.register("Bob");
        Conversation direct = ada.client().conversations().openDirect(bob.id()).value();
        Message first = ada.client().messages().send(direct.id(), NewMessage.text("k1", "One")).value();
        Message second = ada.client().messages().send(direct.id(), NewMessage.text("k2", "Two")).value();

        assertThat(bob.client().conversations().markRead(direct.id(), second.seq())).isEqualTo(second.seq());
        assertThat(bob.client().conversations().markRead(direct.id(), first.seq())).isEqualTo(second.seq());
        assertThat(bob.client().conversations().markDelivered(direct.id(), first.seq())).isEqualTo(second.seq());
        var me = bob.client().conversations().get(direct.id()).me();
        assertThat(me.readSeq()).isEqualTo(second.seq());
        assertThat(me.deliveredSeq()).isEqualTo(second.seq());

        long last = bob.client().conversations().get(direct.id()).conversation().lastSeq();
        invalid("seq", () -> bob.client().conversations().markRead(direct.id(), last + 1));
        invalid("seq", () -> bob.client().conversations().markDelivered(direct.id(), -1L));
        fails(403, () -> chat.platform().conversations().markRead(direct.id(), null));
        Person outsider = chat.register("Outsider");
        fails(404, () -> outsider.client().conversations().markRead(direct.id(), null));
        fails(404, () -> outsider.client().conversations().markDelivered(direct.id(), null));
    }

    @Test
    void unreadCountsAreExactForEveryMember() {
        Person ada = chat.register("Ada");
        Person bob = chat.register("Bob");
        Person carol = chat.register("Carol");
        Conversation team = ada.client().conversations().create(NewConversation.group("Team",
                NewMember.of(bob.id()), NewMember.of(carol.id()))).value();

        ada.client().messages().send(team.id(), NewMessage.text("u1", "a1"));
        Message a2 = ada.client().messages().send(team.id(), NewMessage.text("u2", "a2")).value();
        ada.client().messages().send(team.id(), NewMessage.text("u3", "a3"));

        assertThat(unread(ada, team)).isZero();
        assertThat(unread(bob, team)).isEqualTo(3);
        assertThat(unread(carol, team)).isEqualTo(3);

        bob.client().messages().send(team.id(), NewMessage.text("u4", "b1"));

        assertThat(unread(ada, team)).isEqualTo(1);
        assertThat(unread(bob, team)).isZero();
        assertThat(unread(carol, team)).isEqualTo(4);

        carol.client().conversations().markRead(team.id(), a2.seq());

        assertThat(unread(carol, team)).isEqualTo(2);
        bob.client().messages().react(a2.id(), "👍");
        assertThat(unread(carol, team)).isEqualTo(2);
        assertThat(unread(ada, team)).isEqualTo(1);

        carol.client().conversations().markRead(team.id(), null);
        ada.client().conversations().markRead(team.id(), null);
        assertThat(unread(carol, team)).isZero();
        assertThat(unread(ada, team)).isZero();
        assertThat(unread(bob, team)).isZero();
    }

    private static Message.Delivery delivery(Person sender, Message message) {
        return sender.client().messages().get(message.id()).delivery();
    }

    private static long unread(Person person, Conversation conversation) {
        return person.client().conversations().list(ConversationQuery.ALL).items().stream()
                .filter(s -> s.conversation().id().equals(conversation.id())).findFirst().orElseThrow().unreadCount();
    }
}
