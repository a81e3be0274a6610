package dev.parley.e2e;

import static dev.parley.e2e.Expect.fails;
import static dev.parley.e2e.Expect.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.Created;
import dev.parley.client.model.Attachment;
import dev.parley.client.model.Conversation;
import dev.parley.client.model.ConversationQuery;
import dev.parley.client.model.ConversationSummary;
import dev.parley.client.model.HistoryQuery;
import dev.parley.client.model.Message;
import dev.parley.client.model.MessageType;
import dev.parley.client.model.NewConversation;
import dev.parley.client.model.NewMember;
import dev.parley.client.model.NewMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class SendE2eTest {
    private final Chat chat;

    SendE2eTest(Chat chat) {
        this.chat = chat;
    }

    @Test
    void aRetryWithTheSameClientMessageIdReturnsTheOriginalWith200() {
        Person ada = chat.register("Ada");
        Person bob = chat.register("Bob");
        Conversation team = ada.client().conversations().create(NewConversation.group("Team", NewMember.of(bob.id())))
                .value();

        Created<Message> first = ada.client().messages().send(team.id(), NewMessage.text("c-1", "Hello"));
        Created<Message> retry = ada.client().messages().send(team.id(), NewMessage.text("c-1", "Hello (retry)"));
        Created<Message> bobs = bob.client().messages().send(team.id(), NewMessage.text("c-1", "Same id, other sender"));

        assertThat(first.created()).isTrue();
        assertThat(first.value().seq()).isPositive();
        assertThat(first.value().senderId()).isEqualTo(ada.id());
        assertThat(first.value().clientMessageId()).isEqualTo("c-1");
        assertThat(first.value().type()).isEqualTo(MessageType.TEXT);
        assertThat(retry.created()).isFalse();
        assertThat(retry.value().id()).isEqualTo(first.value().id());
        assertThat(retry.value().text()).isEqualTo("Hello");
        assertThat(bobs.created()).isTrue();
        assertThat(bobs.value().id()).isNotEqualTo(first.value().id());
        assertThat(bobs.value().seq()).isGreaterThan(first.value().seq());
        assertThat(bob.client().messages().history(team.id(), HistoryQuery.NEWEST).items()).extracting(Message::text)
                .containsExactly("Hello", "Same id, other sender");
        assertThat(bob.client().conversations().get(team.id()).messageCount()).isEqualTo(2);
    }

    @Test
    void invalidMessagesNameTheFieldAndAreNotStored() {
        Person ada = chat.register("Ada");
        Person bob = chat.register("Bob");
        Person outsider = chat.register("Outsider");
        Conversation direct = ada.client().conversations().openDirect(bob.id()).value();
        String cid = direct.id();

        invalid("clientMessageId", () -> ada.client().messages().send(cid, NewMessage.text(null, "No id")));
        invalid("clientMessageId", () -> ada.client().messages().send(cid, NewMessage.text("has spaces", "Bad id")));
        invalid("text", () -> ada.client().messages().send(cid, NewMessage.text("blank", "   ")));
        invalid("text", () -> ada.client().messages().send(cid, NewMessage.text("long", "x".repeat(10_001))));
        invalid("attachments", () -> ada.client().messages().send(cid,
                NewMessage.withFiles("no-files", MessageType.IMAGE, "caption")));
        invalid("attachments[0].mimeType", () -> ada.client().messages().send(cid, NewMessage.withFiles("not-image",
                MessageType.IMAGE, null, Attachment.link("https://example.org/a.pdf", "a.pdf", 10, "application/pdf"))));
        invalid("mentions[0]", () -> ada.client().messages().send(cid,
                NewMessage.text("mention-outsider", "Hi").mentioning(outsider.id())));
        invalid("mentionAll", () -> ada.client().messages().send(cid, NewMessage.text("all", "@all").mentioningAll()));
        invalid("replyToId", () -> ada.client().messages().send(cid,
                NewMessage.text("reply-nowhere", "Re").replyingTo("no-such-message")));

        assertThat(bob.client().messages().history(cid, HistoryQuery.NEWEST).items()).isEmpty();
        assertThat(ada.client().messages().send(cid, NewMessage.text("blank", "Now valid")).created()).isTrue();
    }

    @Test
    void codeAndImageMessagesKeepTheirKindOfContent() {
        Person ada = chat.register("Ada");
        Person bob = chat.register("Bob");
        Conversation direct = ada.client().conversations().openDirect(bob.id()).value();
        Attachment photo = new Attachment(null, "https://example.org/board.png", "board.png", 48_213, "image/png",
                1280, 720, null);

        Message code = ada.client().messages().send(direct.id(),
                NewMessage.code("code-1", "java", "System.out.println(\"<b>hi</b>\");")).value();
        Message image = ada.client().messages().send(direct.id(),
                NewMessage.withFiles("image-1", MessageType.IMAGE, "The board", photo)).value();

        assertThat(code.type()).isEqualTo(MessageType.CODE);
        assertThat(code.codeLanguage()).isEqualTo("java");
        assertThat(code.text()).isEqualTo("System.out.println(\"<b>hi</b>\");");
        assertThat(image.type()).isEqualTo(MessageType.IMAGE);
        assertThat(image.text()).isEqualTo("The board");
        assertThat(bob.client().messages().get(image.id()).attachments()).containsExactly(photo);
    }

    @Test
    void repliesAndThreadsAreLinkedAndCounted() {
        Person ada = chat.register("Ada");
        Person bob = chat.register("Bob");
        Person carol = chat.register("Carol");
        Conversation team = ada.client().conversations().create(NewConversation.group("Team",
                NewMember.of(bob.id()), NewMember.of(carol.id()))).value();
        Message root = ada.client().messages().send(team.id(), NewMessage.text("root", "Lunch?")).value();
        Message quote = bob.client().messages().send(team.id(),
                NewMessage.text("quote", "Yes").replyingTo(root.id())).value();

        Message r1 = bob.client().messages().send(team.id(), NewMessage.text("t1", "Pizza").inThread(root.id())).value();
        carol.client().messages().send(team.id(), NewMessage.text("t2", "Sushi").inThread(root.id()));
        Message r3 = bob.client().messages().send(team.id(), NewMessage.text("t3", "Either").inThread(root.id())).value();

        assertThat(quote.replyToId()).isEqualTo(root.id());
        assertThat(r1.threadRootId()).isEqualTo(root.id());
        Message.ThreadInfo thread = carol.client().messages().get(root.id()).thread();
        assertThat(thread.replyCount()).isEqualTo(3);
        assertThat(thread.participantIds()).containsExactlyInAnyOrder(bob.id(), carol.id());
        assertThat(thread.lastReplyAt()).isEqualTo(r3.createdAt());
        assertThat(carol.client().messages().history(team.id(), HistoryQuery.NEWEST).items()).extracting(Message::id)
                .containsExactly(root.id(), quote.id());
        assertThat(carol.client().messages().history(team.id(), HistoryQuery.thread(root.id())).items())
                .extracting(Message::text).containsExactly("Pizza", "Sushi", "Either");
        invalid("threadRootId", () -> carol.client().messages().send(team.id(),
                NewMessage.text("nested", "Nested").inThread(r1.id())));

        ada.client().messages().delete(r3.id());
        assertThat(ada.client().messages().get(root.id()).thread().replyCount()).isEqualTo(2);
    }

    @Test
    void mentionsAreKeptAndCountedForTheMentionedOnly() {
        Person ada = chat.register("Ada");
        Person bob = chat.register("Bob");
        Person carol = chat.register("Carol");
        Conversation team = ada.client().conversations().create(NewConversation.group("Team",
                NewMember.of(bob.id()), NewMember.of(carol.id()))).value();

        Message mention = ada.client().messages().send(team.id(),
                NewMessage.text("m1", "@bob look").mentioning(bob.id(), bob.id())).value();
        ada.client().messages().send(team.id(), NewMessage.text("m2", "@bob again").mentioning(bob.id()));

        assertThat(mention.mentions()).containsExactly(bob.id());
        assertThat(summary(bob, team).mentionCount()).isEqualTo(2);
        assertThat(summary(carol, team).mentionCount()).isZero();
        assertThat(summary(ada, team).mentionCount()).isZero();
        Message all = ada.client().messages().send(team.id(), NewMessage.text("m3", "@all hello").mentioningAll()).value();
        assertThat(all.mentionAll()).isTrue();
        assertThat(summary(bob, team).unreadCount()).isEqualTo(3);

        bob.client().conversations().markRead(team.id(), null);
        assertThat(summary(bob, team).mentionCount()).isZero();
    }

    @Test
    void forwardingCopiesTheMessageMarkedWithItsOriginIdempotently() {
        Person ada = chat.register("Ada");
        Person bob = chat.register("Bob");
        Person carol = chat.register("Carol");
        Conversation withBob = ada.client().conversations().openDirect(bob.id()).value();
        Conversation withCarol = ada.client().conversations().openDirect(carol.id()).value();
        Message original = bob.client().messages().send(withBob.id(), NewMessage.text("orig", "Secret recipe")).value();

        Created<Message> forwarded = ada.client().messages().forward(original.id(), withCarol.id(), "fwd-1");
        Created<Message> retry = ada.client().messages().forward(original.id(), withCarol.id(), "fwd-1");

        assertThat(forwarded.created()).isTrue();
        assertThat(forwarded.value().conversationId()).isEqualTo(withCarol.id());
        assertThat(forwarded.value().senderId()).isEqualTo(ada.id());
        assertThat(forwarded.value().text()).isEqualTo("Secret recipe");
        assertThat(forwarded.value().forwardedFrom())
                .isEqualTo(new Message.ForwardedFrom(original.id(), withBob.id(), bob.id()));
        assertThat(retry.created()).isFalse();
        assertThat(retry.value().id()).isEqualTo(forwarded.value().id());
        assertThat(carol.client().messages().get(forwarded.value().id()).forwardedFrom().messageId()).isEqualTo(original.id());

        Message twice = carol.client().messages().forward(forwarded.value().id(), withCarol.id(), "fwd-2").value();
        assertThat(twice.forwardedFrom().messageId()).isEqualTo(original.id());
        fails(404, () -> carol.client().messages().forward(original.id(), withCarol.id(), "fwd-3"));
        fails(404, () -> bob.client().messages().forward(original.id(), withCarol.id(), "fwd-4"));
        invalid("clientMessageId", () -> ada.client().messages().forward(original.id(), withCarol.id(), "bad id"));
        bob.client().messages().delete(original.id());
        fails(409, () -> ada.client().messages().forward(original.id(), withCarol.id(), "fwd-5"));
    }

    private static ConversationSummary summary(Person person, Conversation conversation) {
        return person.client().conversations().list(ConversationQuery.ALL).items().stream()
                .filter(s -> s.conversation().id().equals(conversation.id())).findFirst().orElseThrow();
    }
}
