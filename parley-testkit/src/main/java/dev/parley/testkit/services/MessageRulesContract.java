package dev.parley.testkit.services;

import static dev.parley.testkit.services.ConversationRulesContract.expect;
import static dev.parley.testkit.services.ServicesHarness.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.conversation.Conversation;
import dev.parley.core.conversation.Role;
import dev.parley.core.error.ErrorCode;
import dev.parley.core.event.ChatEvent;
import dev.parley.core.message.DeliveryState;
import dev.parley.core.message.HistoryQuery;
import dev.parley.core.message.Message;
import dev.parley.core.message.MessageView;
import dev.parley.core.message.NewMessage;
import dev.parley.core.message.MessageType;
import dev.parley.core.user.User;
import dev.parley.testkit.StoreFixture;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The message rules of the domain (idempotency, seq, unread counting, edits, deletes, reactions), over a real store. */
public abstract class MessageRulesContract {
    protected abstract StoreFixture fixture();

    private ServicesHarness h;
    private User ann;
    private User bob;
    private User cat;
    private Conversation group;

    @BeforeEach
    void setUp() {
        fixture().reset();
        h = new ServicesHarness(fixture());
        ann = h.user("ann");
        bob = h.user("bob");
        cat = h.user("cat");
        group = h.group(ann, bob, cat);
    }

    @Test
    void aRetryWithTheSameClientMessageIdReturnsTheOriginal() {
        var first = h.messages.send(as(bob), group.id(), NewMessage.text("retry-1", "hello"));
        var retry = h.messages.send(as(bob), group.id(), NewMessage.text("retry-1", "hello again?"));
        assertThat(first.created()).isTrue();
        assertThat(retry.created()).isFalse();
        assertThat(retry.message()).isEqualTo(first.message());
        var other = h.messages.send(as(cat), group.id(), NewMessage.text("retry-1", "same id, other sender"));
        assertThat(other.created()).isTrue();
        assertThat(h.reader.history(as(ann), group.id(), HistoryQuery.newest(50)).messages()).hasSize(2);
    }

    @Test
    void aRetryIsAnsweredWithTheOriginalEvenWhenTheSenderCouldNoLongerPost() {
        var first = h.messages.send(as(bob), group.id(), NewMessage.text("retry-2", "before archiving"));
        h.conversations.setArchived(as(ann), group.id(), true);
        var afterArchiving = h.messages.send(as(bob), group.id(), NewMessage.text("retry-2", "before archiving"));
        h.members.leave(as(bob), group.id());
        var afterLeaving = h.messages.send(as(bob), group.id(), NewMessage.text("retry-2", "before archiving"));

        assertThat(afterArchiving.created()).isFalse();
        assertThat(afterArchiving.message()).isEqualTo(first.message());
        assertThat(afterLeaving.message()).isEqualTo(first.message());
        expect(ErrorCode.NOT_FOUND, () -> h.messages.send(as(bob), group.id(), NewMessage.text("retry-3", "new")));
    }

    @Test
    void theViewOfASendIsWhatReadingTheMessageBackGives() {
        var sent = h.messages.send(as(bob), group.id(), NewMessage.text("view-1", "hello"));
        MessageView fresh = h.reader.sent(as(bob), sent);
        assertThat(fresh).isEqualTo(h.reader.get(as(bob), sent.message().id()));
        assertThat(fresh.delivery().status()).isEqualTo(DeliveryState.Status.SENT);
        assertThat(fresh.delivery().recipients()).isEqualTo(2);

        h.reactions.react(as(ann), sent.message().id(), "👍");
        var retry = h.messages.send(as(bob), group.id(), NewMessage.text("view-1", "hello"));
        assertThat(h.reader.sent(as(bob), retry).reactions()).hasSize(1);
    }

    @Test
    void sendingMovesTheSendersMarkersWhichItsMessageTellsWithoutAUserEvent() {
        h.send(ann, group, "one");
        h.bus.clear();
        Message reply = h.send(bob, group, "two");

        assertThat(h.bus.userEvents()).as("message.created tells the members; no receipt, no badge").isEmpty();
        assertThat(h.ports.conversations().findMember(group.id(), bob.id()).orElseThrow())
                .extracting(m -> m.readSeq(), m -> m.deliveredSeq()).containsExactly(reply.seq(), reply.seq());
        assertThat(h.unread(bob, group)).isZero();
    }

    @Test
    void everyChangeTakesTheNextSeqAndIsLogged() {
        Message m = h.send(bob, group, "one");
        h.messages.edit(as(bob), m.id(), "one!", List.of(), false);
        h.reactions.react(as(ann), m.id(), "👍");
        h.reactions.pin(as(ann), m.id());
        h.messages.delete(as(bob), m.id());
        List<ChatEvent> events = h.ports.eventLog().readAfter(group.id(), 0, 100);
        assertThat(events).extracting(ChatEvent::seq).containsExactly(LongStream.rangeClosed(1, 6).boxed().toArray(Long[]::new));
        assertThat(events).extracting(ChatEvent::type).containsExactly("conversation.created", "message.created",
                "message.edited", "reaction.added", "message.pinned", "message.deleted");
        assertThat(h.bus.chatEvents()).isEqualTo(events);
        assertThat(m.seq()).isEqualTo(2);
    }

    @Test
    void unreadCountsMessagesByOthersAfterTheReadMarker() {
        Message first = h.send(ann, group, "hi all");
        h.send(bob, group, "hi");
        Message third = h.send(cat, group, "hey @ann");
        assertThat(h.unread(ann, group)).isEqualTo(2);
        assertThat(h.unread(bob, group)).as("sending moves my own read marker").isEqualTo(1);
        h.messages.delete(as(cat), third.id());
        assertThat(h.unread(ann, group)).isEqualTo(1);
        h.receipts.markRead(as(ann), group.id(), null);
        assertThat(h.unread(ann, group)).isZero();
        h.receipts.markRead(as(bob), group.id(), first.seq());
        assertThat(h.unread(bob, group)).isEqualTo(0);
        assertThat(h.summary(bob, group).me().readSeq()).isGreaterThanOrEqualTo(first.seq());
        expect(ErrorCode.VALIDATION_FAILED, () -> h.receipts.markRead(as(bob), group.id(), 999L));
    }

    @Test
    void movingMarkersTellsBothMarkersOnceAndWhetherReadMoved() {
        h.send(ann, group, "1");
        Message two = h.send(ann, group, "2");
        Message three = h.send(ann, group, "3");
        h.bus.clear();

        h.receipts.markDelivered(as(bob), group.id(), two.seq());
        h.receipts.markRead(as(bob), group.id(), three.seq());
        h.receipts.markRead(as(bob), group.id(), two.seq());
        h.receipts.markDelivered(as(bob), group.id(), two.seq());

        assertThat(h.bus.userEvents()).containsExactly(
                new dev.parley.core.event.UserEvent.MarkersMoved(bob.id(), group.id(), 0, two.seq(), false,
                        h.clock.instant()),
                new dev.parley.core.event.UserEvent.MarkersMoved(bob.id(), group.id(), three.seq(), three.seq(), true,
                        h.clock.instant()));
    }

    @Test
    void readMarkersNeverMoveBack() {
        h.send(ann, group, "1");
        Message two = h.send(ann, group, "2");
        assertThat(h.receipts.markRead(as(bob), group.id(), two.seq())).isEqualTo(two.seq());
        assertThat(h.receipts.markRead(as(bob), group.id(), 1L)).isEqualTo(two.seq());
        assertThat(h.unread(bob, group)).isZero();
    }

    @Test
    void mentionsAreCountedForTheMentionedOnly() {
        h.messages.send(as(ann), group.id(), new NewMessage("m-1", MessageType.TEXT, "@bob look", null, List.of(),
                null, null, List.of(bob.id()), false));
        h.messages.send(as(ann), group.id(), new NewMessage("m-2", MessageType.TEXT, "@all look", null, List.of(),
                null, null, List.of(), true));
        assertThat(h.summary(bob, group).mentionCount()).isEqualTo(2);
        assertThat(h.summary(cat, group).mentionCount()).isEqualTo(1);
        expect(ErrorCode.VALIDATION_FAILED, () -> h.messages.send(as(ann), group.id(), new NewMessage("m-3",
                MessageType.TEXT, "@stranger", null, List.of(), null, null, List.of("u_stranger"), false)));
    }

    @Test
    void onlyTheSenderEditsAndHistoryIsKept() {
        Message m = h.send(bob, group, "first draft");
        expect(ErrorCode.FORBIDDEN, () -> h.messages.edit(as(ann), m.id(), "hijack", List.of(), false));
        h.clock.advance(java.time.Duration.ofSeconds(5));
        Message edited = h.messages.edit(as(bob), m.id(), "second draft", List.of(), false);
        h.messages.edit(as(bob), m.id(), "final", List.of(), false);
        assertThat(edited.editedAt()).isEqualTo(h.clock.instant());
        assertThat(h.reader.edits(as(cat), m.id())).extracting(e -> e.previousText()).containsExactly("first draft", "second draft");
        h.messages.delete(as(bob), m.id());
        expect(ErrorCode.CONFLICT, () -> h.messages.edit(as(bob), m.id(), "undead", List.of(), false));
        assertThat(h.reader.edits(as(cat), m.id())).isEmpty();
    }

    @Test
    void deletedMessagesAreTombstonesAndOnlyAdminsSeeWhoDeleted() {
        h.members.changeRole(as(ann), group.id(), cat.id(), Role.MODERATOR);
        Message m = h.send(bob, group, "oops");
        expect(ErrorCode.FORBIDDEN, () -> h.messages.delete(as(bob), h.send(cat, group, "cat's").id()));
        h.messages.delete(as(cat), m.id());
        MessageView asBob = h.reader.get(as(bob), m.id());
        assertThat(asBob.message().isDeleted()).isTrue();
        assertThat(asBob.message().text()).isNull();
        assertThat(asBob.message().deletedBy()).isNull();
        assertThat(asBob.message().seq()).isEqualTo(m.seq());
        assertThat(asBob.message().senderId()).isEqualTo(bob.id());
        assertThat(h.reader.get(as(ann), m.id()).message().deletedBy()).isEqualTo(cat.id());
        int events = h.ports.eventLog().readAfter(group.id(), 0, 100).size();
        h.messages.delete(as(bob), m.id());
        assertThat(h.ports.eventLog().readAfter(group.id(), 0, 100)).hasSize(events);
    }

    @Test
    void reactionsAreCountedOncePerPersonAndEmoji() {
        Message m = h.send(bob, group, "vote");
        h.reactions.react(as(ann), m.id(), "👍");
        h.reactions.react(as(ann), m.id(), "👍");
        h.reactions.react(as(cat), m.id(), "👍");
        h.reactions.react(as(cat), m.id(), "🎉");
        MessageView view = h.reader.get(as(ann), m.id());
        assertThat(view.reactions()).extracting(r -> r.emoji() + r.count() + r.me()).containsExactly("👍2true", "🎉1false");
        h.reactions.unreact(as(ann), m.id(), "👍");
        assertThat(h.reader.get(as(ann), m.id()).reactions()).extracting(r -> r.emoji() + r.count() + r.me())
                .containsExactly("👍1false", "🎉1false");
    }

    @Test
    void pinsAreListedNewestFirst() {
        Message a = h.send(bob, group, "a");
        Message b = h.send(bob, group, "b");
        expect(ErrorCode.FORBIDDEN, () -> h.reactions.pin(as(bob), a.id()));
        h.reactions.pin(as(ann), a.id());
        h.clock.advance(java.time.Duration.ofSeconds(1));
        h.reactions.pin(as(ann), b.id());
        assertThat(h.reader.pinned(as(cat), group.id())).extracting(v -> v.message().id()).containsExactly(b.id(), a.id());
        h.reactions.unpin(as(ann), a.id());
        assertThat(h.reader.pinned(as(cat), group.id())).extracting(v -> v.message().id()).containsExactly(b.id());
        assertThat(h.reader.get(as(cat), b.id()).pinned()).isTrue();
    }

    @Test
    void threadsCountTheirLiveReplies() {
        Message root = h.send(ann, group, "thread?");
        h.messages.send(as(bob), group.id(), new NewMessage("t-1", MessageType.TEXT, "yes", null, List.of(), null, root.id(), List.of(), false));
        Message second = h.messages.send(as(cat), group.id(), new NewMessage("t-2", MessageType.TEXT, "also", null, List.of(),
                root.id(), root.id(), List.of(), false)).message();
        var stats = h.reader.get(as(ann), root.id()).message().thread();
        assertThat(stats.replyCount()).isEqualTo(2);
        assertThat(stats.participantIds()).containsExactly(bob.id(), cat.id());
        h.messages.delete(as(cat), second.id());
        assertThat(h.reader.get(as(ann), root.id()).message().thread().replyCount()).isEqualTo(1);
        var thread = h.reader.history(as(ann), group.id(), new HistoryQuery(null, null, null, false, root.id(), 50, false));
        assertThat(thread.messages()).hasSize(2);
        expect(ErrorCode.VALIDATION_FAILED, () -> h.messages.send(as(bob), group.id(), new NewMessage("t-3", MessageType.TEXT,
                "nested", null, List.of(), null, second.id(), List.of(), false)));
    }

    @Test
    void forwardingCopiesIntoAnotherConversationOnce() {
        Message original = h.send(bob, group, "worth sharing");
        Conversation direct = h.conversations.openDirect(as(ann), cat.id()).conversation();
        var forwarded = h.messages.forward(as(ann), original.id(), direct.id(), "fw-1");
        var again = h.messages.forward(as(ann), original.id(), direct.id(), "fw-1");
        assertThat(forwarded.message().text()).isEqualTo("worth sharing");
        assertThat(forwarded.message().forwardedFrom().messageId()).isEqualTo(original.id());
        assertThat(forwarded.message().senderId()).isEqualTo(ann.id());
        assertThat(again.created()).isFalse();
        Conversation bobOnly = h.conversations.openDirect(as(bob), cat.id()).conversation();
        expect(ErrorCode.NOT_FOUND, () -> h.messages.forward(as(ann), original.id(), bobOnly.id(), "fw-2"));
    }

    @Test
    void historyPagesByEveryAnchor() {
        List<Message> sent = new java.util.ArrayList<>();
        for (int i = 1; i <= 9; i++) sent.add(h.send(i % 2 == 0 ? ann : bob, group, "m" + i));
        var newest = h.reader.history(as(cat), group.id(), HistoryQuery.newest(4));
        assertThat(newest.messages()).extracting(v -> v.message().text()).containsExactly("m6", "m7", "m8", "m9");
        assertThat(newest.hasOlder()).isTrue();
        assertThat(newest.hasNewer()).isFalse();
        var older = h.reader.history(as(cat), group.id(), new HistoryQuery(sent.get(5).seq(), null, null, false, null, 4, false));
        assertThat(older.messages()).extracting(v -> v.message().text()).containsExactly("m2", "m3", "m4", "m5");
        assertThat(older.hasOlder()).isTrue();
        assertThat(older.hasNewer()).isTrue();
        var after = h.reader.history(as(cat), group.id(), new HistoryQuery(null, sent.get(6).seq(), null, false, null, 4, false));
        assertThat(after.messages()).extracting(v -> v.message().text()).containsExactly("m8", "m9");
        assertThat(after.hasOlder()).isTrue();
        assertThat(after.hasNewer()).isFalse();
        var firstFour = h.reader.history(as(cat), group.id(), new HistoryQuery(null, sent.get(0).seq() - 1, null, false, null, 4, false));
        assertThat(firstFour.messages()).extracting(v -> v.message().text()).containsExactly("m1", "m2", "m3", "m4");
        assertThat(firstFour.hasOlder()).as("the conversation's creation is not a message").isFalse();
        assertThat(firstFour.hasNewer()).isTrue();
        var exactlyTheLastFour = h.reader.history(as(cat), group.id(), new HistoryQuery(null, sent.get(4).seq(), null, false, null, 4, false));
        assertThat(exactlyTheLastFour.messages()).extracting(v -> v.message().text()).containsExactly("m6", "m7", "m8", "m9");
        assertThat(exactlyTheLastFour.hasNewer()).isFalse();
        var exactlyTheFirstFour = h.reader.history(as(cat), group.id(), new HistoryQuery(sent.get(4).seq(), null, null, false, null, 4, false));
        assertThat(exactlyTheFirstFour.messages()).extracting(v -> v.message().text()).containsExactly("m1", "m2", "m3", "m4");
        assertThat(exactlyTheFirstFour.hasOlder()).isFalse();
        assertThat(exactlyTheFirstFour.hasNewer()).isTrue();
        var all = h.reader.history(as(cat), group.id(), HistoryQuery.newest(9));
        assertThat(all.messages()).hasSize(9);
        assertThat(all.hasOlder()).isFalse();
        assertThat(all.hasNewer()).isFalse();
        var around = h.reader.history(as(cat), group.id(), new HistoryQuery(null, null, sent.get(4).id(), false, null, 4, false));
        assertThat(around.messages()).extracting(v -> v.message().text()).containsExactly("m3", "m4", "m5", "m6");
        h.receipts.markRead(as(cat), group.id(), sent.get(2).seq());
        var unread = h.reader.history(as(cat), group.id(), new HistoryQuery(null, null, null, true, null, 3, true));
        assertThat(unread.messages()).extracting(v -> v.message().text()).containsExactly("m4", "m5", "m6");
        assertThat(h.unread(cat, group)).isEqualTo(3);
        expect(ErrorCode.VALIDATION_FAILED, () -> h.reader.history(as(cat), group.id(), new HistoryQuery(5L, 2L, null, false, null, 4, false)));
        expect(ErrorCode.VALIDATION_FAILED, () -> h.reader.history(as(cat), group.id(), HistoryQuery.newest(101)));
    }

    @Test
    void sendersSeeDeliveryAndReadState() {
        Message m = h.send(ann, group, "did you get this?");
        assertThat(h.reader.get(as(ann), m.id()).delivery().status()).isEqualTo(DeliveryState.Status.SENT);
        assertThat(h.reader.get(as(bob), m.id()).delivery()).isNull();
        h.receipts.markDelivered(as(bob), group.id(), null);
        assertThat(h.reader.get(as(ann), m.id()).delivery().status()).isEqualTo(DeliveryState.Status.DELIVERED_SOME);
        h.receipts.markRead(as(bob), group.id(), null);
        h.receipts.markRead(as(cat), group.id(), null);
        DeliveryState state = h.reader.get(as(ann), m.id()).delivery();
        assertThat(state.status()).isEqualTo(DeliveryState.Status.READ_ALL);
        assertThat(state.readerIds()).containsExactlyInAnyOrder(bob.id(), cat.id());
    }
}
