package dev.parley.client.realtime;

import static dev.parley.client.realtime.Samples.ME;
import static dev.parley.client.realtime.Samples.at;
import static dev.parley.client.realtime.Samples.message;
import static dev.parley.client.realtime.Samples.summary;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.model.Message;
import dev.parley.client.model.Message.Reaction;
import dev.parley.client.model.MessageType;
import dev.parley.client.model.Message.ThreadInfo;
import dev.parley.client.model.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatStoreTest {
    private final ChatStore store = new ChatStore();

    @BeforeEach
    void signIn() {
        store.me(ME);
    }

    private void load(String id, long lastSeq, long readSeq, long unread, long mentions, Message... messages) {
        store.load(new LoadedConversation(summary(id, lastSeq, readSeq, unread, mentions), null, List.of(messages), lastSeq, true));
    }

    private void created(Message m) {
        store.apply(new ConversationEvent.MessageCreated(m.conversationId(), m.seq(), at(m.seq()), m));
    }

    private ConversationView view(String id) {
        return store.conversation(id).orElseThrow();
    }

    @Test
    void messagesByOthersAboveMyReadMarkerAreUnreadAndMentionsOfMeOrEveryoneCount() {
        load("c1", 2, 2, 0, 0);

        created(message("m3", "c1", 3, "u_ann", "hi"));
        created(Samples.mentioning(message("m4", "c1", 4, "u_bob", "@me"), ME));
        created(Samples.mentioning(message("m5", "c1", 5, "u_bob", "@ann"), "u_ann"));

        assertThat(view("c1").unreadCount()).isEqualTo(3);
        assertThat(view("c1").mentionCount()).isEqualTo(1);
        assertThat(view("c1").lastSeq()).isEqualTo(5);
        assertThat(store.messages("c1")).extracting(Message::seq).containsExactly(3L, 4L, 5L);
    }

    @Test
    void sendingMovesMyReadMarkerToMyMessageSoNothingStaysUnread() {
        load("c1", 2, 0, 2, 1);

        created(message("m3", "c1", 3, ME, "me too"));

        assertThat(view("c1").readSeq()).isEqualTo(3);
        assertThat(view("c1").unreadCount()).isZero();
        assertThat(view("c1").mentionCount()).isZero();
    }

    @Test
    void aMessageMovesItsSendersMarkersToItWithoutAReceipt() {
        load("c1", 2, 2, 0, 0);
        store.apply(new LiveEvent.ReceiptChanged(new Receipt("c1", "u_ann", 1, 2)));

        created(message("m3", "c1", 3, "u_ann", "hi"));
        created(message("m4", "c1", 4, ME, "hello"));
        created(message("m5", "c1", 5, "u_bob", "hey"));

        assertThat(store.receipts("c1")).containsEntry("u_ann", new Receipt("c1", "u_ann", 3, 3))
                .containsEntry(ME, new Receipt("c1", ME, 4, 4))
                .containsEntry("u_bob", new Receipt("c1", "u_bob", 5, 5));
        store.apply(new LiveEvent.ReceiptChanged(new Receipt("c1", "u_ann", 2, 2)));
        assertThat(store.receipts("c1")).as("markers never move back").containsEntry("u_ann", new Receipt("c1", "u_ann", 3, 3));
        assertThat(view("c1").unreadCount()).isEqualTo(1);
    }

    @Test
    void deletingAnUnreadMessageOfOthersLowersTheCountsButMyOwnOrReadOnesDoNot() {
        load("c1", 1, 1, 0, 0, message("m1", "c1", 1, "u_ann", "read already"));
        created(Samples.mentioning(message("m2", "c1", 2, "u_ann", "@me"), ME));
        created(message("m3", "c1", 3, "u_ann", "plain"));

        store.apply(new ConversationEvent.MessageDeleted("c1", 4, at(4), "m2", at(4)));
        assertThat(view("c1").unreadCount()).isEqualTo(1);
        assertThat(view("c1").mentionCount()).isZero();

        store.apply(new ConversationEvent.MessageDeleted("c1", 5, at(5), "m1", at(5)));
        store.apply(new ConversationEvent.MessageDeleted("c1", 6, at(6), "m2", at(6)));
        assertThat(view("c1").unreadCount()).isEqualTo(1);

        Message tombstone = store.message("c1", "m2").orElseThrow();
        assertThat(tombstone.isDeleted()).isTrue();
        assertThat(tombstone.text()).isNull();
        assertThat(tombstone.mentions()).isEmpty();
    }

    @Test
    void anEditThatAddsOrRemovesMyMentionChangesTheMentionCountOfAnUnreadMessage() {
        load("c1", 0, 0, 0, 0);
        created(message("m1", "c1", 1, "u_ann", "hello"));

        store.apply(new ConversationEvent.MessageEdited("c1", 2, at(2), "m1", "hello @me", List.of(ME), false, at(2)));
        assertThat(view("c1").mentionCount()).isEqualTo(1);
        assertThat(store.message("c1", "m1").orElseThrow().text()).isEqualTo("hello @me");
        assertThat(store.message("c1", "m1").orElseThrow().editedAt()).isEqualTo(at(2));

        store.apply(new ConversationEvent.MessageEdited("c1", 3, at(3), "m1", "hello", List.of(), false, at(3)));
        assertThat(view("c1").mentionCount()).isZero();
        assertThat(view("c1").unreadCount()).isEqualTo(1);
    }

    @Test
    void myReadReceiptLowersTheCountByTheHeldMessagesItCovers() {
        load("c1", 0, 0, 0, 0);
        created(message("m1", "c1", 1, "u_ann", "a"));
        created(Samples.mentioning(message("m2", "c1", 2, "u_ann", "b"), ME));
        created(message("m3", "c1", 3, "u_ann", "c"));

        store.apply(new LiveEvent.ReceiptChanged(new Receipt("c1", ME, 2, 2)));
        assertThat(view("c1").unreadCount()).isEqualTo(1);
        assertThat(view("c1").mentionCount()).isZero();
        assertThat(view("c1").readSeq()).isEqualTo(2);

        store.apply(new LiveEvent.ReceiptChanged(new Receipt("c1", ME, 1, 1)));
        assertThat(view("c1").readSeq()).as("markers never move back").isEqualTo(2);

        store.read("c1", 3);
        assertThat(view("c1").unreadCount()).isZero();
    }

    @Test
    void theServersUnreadEventOverwritesTheLocalCounts() {
        load("c1", 9, 0, 4, 0);

        store.apply(new LiveEvent.UnreadChanged("c1", 7, 2));

        assertThat(view("c1").unreadCount()).isEqualTo(7);
        assertThat(view("c1").mentionCount()).isEqualTo(2);
        assertThat(store.totalUnread()).isEqualTo(7);
    }

    @Test
    void reactionsCountEachUserOnceAndMarkMine() {
        load("c1", 1, 1, 0, 0, message("m1", "c1", 1, "u_ann", "a"));

        store.apply(new ConversationEvent.ReactionAdded("c1", 2, at(2), "m1", "u_bob", "👍"));
        store.apply(new ConversationEvent.ReactionAdded("c1", 3, at(3), "m1", ME, "👍"));
        store.apply(new ConversationEvent.ReactionAdded("c1", 4, at(4), "m1", ME, "👍"));
        store.apply(new ConversationEvent.ReactionAdded("c1", 5, at(5), "m1", "u_bob", "🎉"));
        assertThat(store.message("c1", "m1").orElseThrow().reactions()).containsExactly(
                new Reaction("👍", 2, true, List.of("u_bob", ME)), new Reaction("🎉", 1, false, List.of("u_bob")));

        store.apply(new ConversationEvent.ReactionRemoved("c1", 6, at(6), "m1", ME, "👍"));
        store.apply(new ConversationEvent.ReactionRemoved("c1", 7, at(7), "m1", "u_bob", "🎉"));
        store.apply(new ConversationEvent.ReactionRemoved("c1", 8, at(8), "m1", "u_zed", "👍"));
        assertThat(store.message("c1", "m1").orElseThrow().reactions()).containsExactly(
                new Reaction("👍", 1, false, List.of("u_bob")));
    }

    @Test
    void pinsAndDeletesApplyAndTheTombstoneLosesItsReactions() {
        load("c1", 1, 1, 0, 0, message("m1", "c1", 1, "u_ann", "a"));

        store.apply(new ConversationEvent.MessagePinned("c1", 2, at(2), "m1", "u_ann"));
        store.apply(new ConversationEvent.ReactionAdded("c1", 3, at(3), "m1", "u_bob", "👍"));
        assertThat(store.message("c1", "m1").orElseThrow().pinned()).isTrue();

        store.apply(new ConversationEvent.MessageDeleted("c1", 4, at(4), "m1", at(4)));
        Message m = store.message("c1", "m1").orElseThrow();
        assertThat(m.reactions()).isEmpty();
        assertThat(m.deletedAt()).isEqualTo(at(4));

        store.apply(new ConversationEvent.MessageUnpinned("c1", 5, at(5), "m1", "u_ann"));
        assertThat(store.message("c1", "m1").orElseThrow().pinned()).isFalse();
    }

    @Test
    void threadRepliesUpdateTheirRootAndStayOutOfTheTimeline() {
        load("c1", 1, 1, 0, 0, message("root", "c1", 1, "u_ann", "question"));

        created(Samples.reply(message("r1", "c1", 2, "u_bob", "answer"), "root"));
        created(Samples.reply(message("r2", "c1", 3, ME, "thanks"), "root"));

        assertThat(store.message("c1", "root").orElseThrow().thread())
                .isEqualTo(new ThreadInfo(2, at(3), List.of("u_bob", ME)));
        assertThat(store.timeline("c1")).extracting(Message::id).containsExactly("root");
        assertThat(store.thread("c1", "root")).extracting(Message::id).containsExactly("r1", "r2");

        store.apply(new ConversationEvent.MessageDeleted("c1", 4, at(4), "r1", at(4)));
        assertThat(store.message("c1", "root").orElseThrow().thread().replyCount()).isEqualTo(1);
    }

    @Test
    void aCreatedConversationBringsItsMembersAndRoleChangesFollow() {
        store.apply(new ConversationEvent.ConversationCreated("c9", 1, at(1), Samples.conversation("c9", 1),
                List.of(new ConversationEvent.InitialMember("u_owner", Role.OWNER), new ConversationEvent.InitialMember(ME, Role.MEMBER))));
        store.apply(new ConversationEvent.MemberAdded("c9", 2, at(2), "u_new", Role.MEMBER, "u_owner"));
        store.apply(new ConversationEvent.MemberRoleChanged("c9", 3, at(3), ME, Role.MODERATOR, "u_owner"));
        store.apply(new ConversationEvent.MemberRemoved("c9", 4, at(4), "u_new", "u_owner"));
        store.apply(new ConversationEvent.ConversationUpdated("c9", 5, at(5), "New title", "About", null, "u_owner"));
        store.apply(new ConversationEvent.ConversationArchived("c9", 6, at(6), true, "u_owner"));

        assertThat(store.members("c9")).isEqualTo(Map.of("u_owner", Role.OWNER, ME, Role.MODERATOR));
        assertThat(store.receipts("c9")).containsOnlyKeys("u_owner", ME);
        ConversationView view = view("c9");
        assertThat(view.role()).isEqualTo(Role.MODERATOR);
        assertThat(view.conversation().title()).isEqualTo("New title");
        assertThat(view.conversation().archived()).isTrue();
        assertThat(view.lastSeq()).isEqualTo(6);
        assertThat(view.conversation().lastSeq()).isEqualTo(6);
    }

    @Test
    void typingAndPresenceAreKept() {
        load("c1", 0, 0, 0, 0);

        store.apply(new LiveEvent.Typing("c1", Set.of("u_ann", "u_bob")));
        store.apply(new LiveEvent.PresenceChanged(new Presence("u_ann", Presence.Status.AWAY, null, "lunch", null)));

        assertThat(store.typing("c1")).containsExactlyInAnyOrder("u_ann", "u_bob");
        assertThat(store.presence("u_ann").orElseThrow().status()).isEqualTo(Presence.Status.AWAY);
        assertThat(store.typing("unknown")).isEmpty();
    }

    @Test
    void aSnapshotPlusTheLaterEventsEqualsTheLaterSnapshot() {
        Message a = message("a", "c1", 1, "u_ann", "one");
        Message b = message("b", "c1", 2, "u_bob", "two");
        load("c1", 2, 0, 2, 0, a, b);

        created(message("c", "c1", 3, "u_ann", "three"));
        store.apply(new ConversationEvent.MessageEdited("c1", 4, at(4), "a", "one!", List.of(), false, at(4)));
        store.apply(new ConversationEvent.ReactionAdded("c1", 5, at(5), "b", "u_ann", "👍"));
        store.apply(new ConversationEvent.MessagePinned("c1", 6, at(6), "c", "u_bob"));
        store.apply(new ConversationEvent.MessageDeleted("c1", 7, at(7), "b", at(7)));
        List<Message> replayed = store.messages("c1");
        long unread = view("c1").unreadCount();

        ChatStore fresh = new ChatStore();
        fresh.me(ME);
        // as the server shows them after event 7
        Message a2 = new Message("a", "c1", 1, "u_ann", "c-a", MessageType.TEXT, "one!", null, List.of(), null, null,
                List.of(), false, null, at(1), at(4), null, null, null, List.of(), false, null);
        Message b2 = new Message("b", "c1", 2, "u_bob", "c-b", MessageType.TEXT, null, null, List.of(), null, null,
                List.of(), false, null, at(2), null, at(7), null, null, List.of(), false, null);
        Message c2 = new Message("c", "c1", 3, "u_ann", "c-c", MessageType.TEXT, "three", null, List.of(), null, null,
                List.of(), false, null, at(3), null, null, null, null, List.of(), true, null);
        fresh.load(new LoadedConversation(summary("c1", 7, 0, 2, 0), null, List.of(a2, b2, c2), 7, true));

        assertThat(replayed).isEqualTo(fresh.messages("c1"));
        assertThat(unread).isEqualTo(fresh.conversation("c1").orElseThrow().unreadCount());
    }
}
