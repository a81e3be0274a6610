package dev.parley.testkit.contract;

import static dev.parley.testkit.contract.ContractAssertions.assertConflict;
import static dev.parley.testkit.contract.ContractData.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.core.conversation.Conversation;
import dev.parley.core.error.ErrorCode;
import dev.parley.core.error.ParleyException;
import dev.parley.core.message.Attachment;
import dev.parley.core.message.Message;
import dev.parley.core.message.MessageEdit;
import dev.parley.core.message.MessageType;
import dev.parley.core.message.StoredMessage;
import dev.parley.core.port.MessageStore;
import dev.parley.core.search.SearchHit;
import dev.parley.core.search.SearchQuery;
import dev.parley.core.user.User;
import dev.parley.testkit.StoreFixture;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link MessageStore} for messages, edits, tombstones, history pages, threads
 * and search (reactions and pins: {@link MessageReactionContract}); extend it with a fixture of
 * the adapter under test.
 */
public abstract class MessageStoreContract {
    protected abstract StoreFixture fixture();

    private MessageStore messages;
    private ContractData data;
    private User alice;
    private User bob;
    private Conversation team;

    @BeforeEach
    void resetStore() {
        fixture().reset();
        messages = fixture().messages();
        data = new ContractData(fixture());
        alice = data.user("alice");
        bob = data.user("bob");
        team = data.group("Team", alice, bob);
    }

    private Message full(String id, long seq, String senderId, String clientMessageId) {
        return new Message(id, team.id(), seq, senderId, clientMessageId, MessageType.IMAGE, "a caption", null,
                List.of(new Attachment("f_1", null, "cat.png", 2048, "image/png", 640, 480, null),
                        new Attachment(null, "https://files.example/a.ogg", "a.ogg", 99, "audio/ogg", null, null, 1500L)),
                "m_0", null, List.of(bob.id(), alice.id()), true,
                new Message.Forwarded("m_src", "c_src", "u_src"), at(1), null, null, null, Message.ThreadStats.NONE);
    }

    @Test
    void insertedMessagesComeBackWithEveryField() {
        Message m = full("m_1", 1, alice.id(), "cm-1");
        messages.insert(m);

        assertThat(messages.findById("m_1")).contains(m);
        assertThat(messages.findByClientMessageId(team.id(), alice.id(), "cm-1")).contains(m);
        assertThat(messages.findById("m_404")).isEmpty();
    }

    @Test
    void aMessageWithAnyOneFieldSetComesBackWithIt() {
        Attachment file = new Attachment("f_1", null, "a.txt", 12, "text/plain", null, null, null);
        List<Message> variants = List.of(
                one(1, "kotlin", List.of(), null, null, List.of(), false, null, null, null, null, Message.ThreadStats.NONE),
                one(2, null, List.of(file), null, null, List.of(), false, null, null, null, null, Message.ThreadStats.NONE),
                one(3, null, List.of(), "m_0", null, List.of(), false, null, null, null, null, Message.ThreadStats.NONE),
                one(4, null, List.of(), null, "m_0", List.of(), false, null, null, null, null, Message.ThreadStats.NONE),
                one(5, null, List.of(), null, null, List.of(bob.id()), false, null, null, null, null, Message.ThreadStats.NONE),
                one(6, null, List.of(), null, null, List.of(), true, null, null, null, null, Message.ThreadStats.NONE),
                one(7, null, List.of(), null, null, List.of(), false, new Message.Forwarded("m_f", "c_f", null), null, null,
                        null, Message.ThreadStats.NONE),
                one(8, null, List.of(), null, null, List.of(), false, null, at(80), null, null, Message.ThreadStats.NONE),
                one(9, null, List.of(), null, null, List.of(), false, null, null, at(90), null, Message.ThreadStats.NONE),
                one(10, null, List.of(), null, null, List.of(), false, null, null, null, bob.id(), Message.ThreadStats.NONE),
                one(11, null, List.of(), null, null, List.of(), false, null, null, null, null,
                        new Message.ThreadStats(1, null, List.of())),
                one(12, null, List.of(), null, null, List.of(), false, null, null, null, null,
                        new Message.ThreadStats(0, at(120), List.of())),
                one(13, null, List.of(), null, null, List.of(), false, null, null, null, null,
                        new Message.ThreadStats(0, null, List.of(bob.id()))),
                one(14, null, List.of(), null, null, List.of(), false, null, null, null, null, Message.ThreadStats.NONE));
        variants.forEach(messages::insert);

        for (Message m : variants) assertThat(messages.findById(m.id())).contains(m);
    }

    /** A text message of Alice's with the given fields, every other one at its default. */
    private Message one(long seq, String codeLanguage, List<Attachment> attachments, String replyToId, String threadRootId,
                        List<String> mentions, boolean mentionsAll, Message.Forwarded forwarded, Instant editedAt,
                        Instant deletedAt, String deletedBy, Message.ThreadStats thread) {
        return new Message("m_" + seq, team.id(), seq, alice.id(), "cm-" + seq, MessageType.TEXT, "text " + seq,
                codeLanguage, attachments, replyToId, threadRootId, mentions, mentionsAll, forwarded, at(seq), editedAt,
                deletedAt, deletedBy, thread);
    }

    @Test
    void insertNextStoresUnderTheNextSeqAndRecordsTheActivity() {
        fixture().conversations().nextSeq(team.id());
        Message first = full("m_1", 0, alice.id(), "cm-1");
        Message second = one(0, null, List.of(), null, null, List.of(), false, null, null, null, null,
                Message.ThreadStats.NONE);

        assertThat(messages.insertNext(first)).isEqualTo(2);
        assertThat(messages.insertNext(second)).isEqualTo(3);

        assertThat(messages.findById("m_1")).contains(first.withSeq(2));
        assertThat(messages.findById(second.id())).contains(second.withSeq(3));
        Conversation after = fixture().conversations().findById(team.id()).orElseThrow();
        assertThat(after.lastSeq()).isEqualTo(3);
        assertThat(after.lastActivityAt()).isEqualTo(second.createdAt());
    }

    @Test
    void insertNextIntoAMissingConversationIsNotFoundAndStoresNothing() {
        Message lost = new Message("m_1", "c_404", 0, alice.id(), "cm-1", MessageType.TEXT, "hello", null, List.of(),
                null, null, List.of(), false, null, at(1), null, null, null, Message.ThreadStats.NONE);

        assertThatThrownBy(() -> messages.insertNext(lost))
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(messages.findById("m_1")).isEmpty();
    }

    @Test
    void textsComeBackCharacterForCharacter() {
        List<String> texts = List.of("", " ", "Привет, 世界 👋🏽 \u00e9\u0301", "tab\tnew line\n\"quoted\" \\ <b>&amp;</b>",
                "x".repeat(10_000));
        texts.forEach(text -> data.message(team, alice, text));
        assertThat(messages.page(team.id(), null, null, null, 10)).extracting(s -> s.message().text())
                .containsExactlyElementsOf(texts);
    }

    @Test
    void clientMessageIdsAreUniquePerConversationAndSender() {
        messages.insert(full("m_1", 1, alice.id(), "cm-1"));
        messages.insert(full("m_2", 2, bob.id(), "cm-1"));
        messages.insert(full("m_3", 3, null, "cm-1"));

        assertConflict(() -> messages.insert(full("m_4", 4, alice.id(), "cm-1")));
        assertConflict(() -> messages.insert(full("m_5", 5, null, "cm-1")));
        assertThat(messages.findById("m_4")).isEmpty();
        assertThat(messages.findById("m_5")).isEmpty();
        assertThat(messages.findByClientMessageId(team.id(), null, "cm-1")).get().extracting(Message::id).isEqualTo("m_3");
        assertThat(messages.findByClientMessageId(team.id(), bob.id(), "cm-1")).get().extracting(Message::id)
                .isEqualTo("m_2");
        assertThat(messages.findByClientMessageId(team.id(), "u_404", "cm-1")).isEmpty();
        assertThat(messages.countLive(team.id())).isEqualTo(3);
    }

    @Test
    void aTakenSeqConflicts() {
        messages.insert(full("m_1", 1, alice.id(), "cm-1"));

        assertConflict(() -> messages.insert(full("m_2", 1, alice.id(), "cm-2")));
        assertThat(messages.findById("m_2")).isEmpty();
    }

    @Test
    void editReplacesTextAndMentionsAndKeepsTheHistoryOldestFirst() {
        Message m = data.mentioning(team, alice, "first", List.of(bob.id()), false);

        messages.edit(m.id(), "second", List.of(alice.id()), true, at(100), new MessageEdit(m.id(), "first", at(100)));
        messages.edit(m.id(), "third", List.of(), false, at(200), new MessageEdit(m.id(), "second", at(200)));

        Message edited = messages.findById(m.id()).orElseThrow();
        assertThat(edited.text()).isEqualTo("third");
        assertThat(edited.mentions()).isEmpty();
        assertThat(edited.mentionsAll()).isFalse();
        assertThat(edited.editedAt()).isEqualTo(at(200));
        assertThat(edited.seq()).isEqualTo(m.seq());
        assertThat(messages.edits(m.id())).containsExactly(new MessageEdit(m.id(), "first", at(100)),
                new MessageEdit(m.id(), "second", at(200)));

        messages.edit(m.id(), "fourth", List.of(bob.id(), alice.id()), false, at(300), null);
        assertThat(messages.findById(m.id()).orElseThrow().mentions()).containsExactly(bob.id(), alice.id());
    }

    @Test
    void markDeletedLeavesATombstone() {
        Message m = full("m_1", fixture().conversations().nextSeq(team.id()), alice.id(), "cm-1");
        messages.insert(m);
        messages.edit(m.id(), "edited", List.of(bob.id()), false, at(5), new MessageEdit(m.id(), "a caption", at(5)));
        messages.addReaction(m.id(), bob.id(), "👍", at(6));
        messages.pin(m.id(), team.id(), bob.id(), at(7));

        messages.markDeleted(m.id(), bob.id(), at(8));
        messages.markDeleted(m.id(), alice.id(), at(9));

        Message tombstone = messages.findById(m.id()).orElseThrow();
        assertThat(tombstone.isDeleted()).isTrue();
        assertThat(tombstone.deletedAt()).as("the first delete counts").isEqualTo(at(8));
        assertThat(tombstone.deletedBy()).isEqualTo(bob.id());
        assertThat(tombstone.text()).isNull();
        assertThat(tombstone.attachments()).isEmpty();
        assertThat(tombstone.mentions()).isEmpty();
        assertThat(tombstone.mentionsAll()).isFalse();
        assertThat(tombstone.forwardedFrom()).isNull();
        assertThat(List.of(tombstone.id(), tombstone.seq(), tombstone.senderId(), tombstone.createdAt()))
                .containsExactly(m.id(), m.seq(), m.senderId(), m.createdAt());
        assertThat(messages.edits(m.id())).isEmpty();
        assertThat(messages.reactions(List.of(m.id()), bob.id()).getOrDefault(m.id(), List.of())).isEmpty();
        assertThat(messages.pinned(team.id())).isEmpty();
        assertThat(messages.pinnedAmong(List.of(m.id()))).isEmpty();
        assertThat(messages.countLive(team.id())).isZero();
        assertThat(messages.page(team.id(), null, null, null, 10))
                .as("a tombstone is neither pinned nor reacted to").containsExactly(new StoredMessage(tombstone, false, false));
    }

    @Test
    void pagesAreAscendingAndAnchoredBeforeAfterOrAtTheNewest() {
        for (int i = 1; i <= 10; i++) data.message(team, i % 2 == 0 ? alice : bob, "message " + i);

        assertThat(seqs(messages.page(team.id(), null, null, null, 3))).containsExactly(8L, 9L, 10L);
        assertThat(seqs(messages.page(team.id(), null, 5L, null, 3))).containsExactly(2L, 3L, 4L);
        assertThat(seqs(messages.page(team.id(), null, 3L, null, 5))).containsExactly(1L, 2L);
        assertThat(seqs(messages.page(team.id(), null, null, 5L, 3))).containsExactly(6L, 7L, 8L);
        assertThat(seqs(messages.page(team.id(), null, null, 0L, 2))).containsExactly(1L, 2L);
        assertThat(seqs(messages.page(team.id(), null, null, 10L, 3))).isEmpty();
        assertThat(seqs(messages.page(team.id(), null, 1L, null, 3))).isEmpty();
        assertThat(messages.page(data.group("Other", alice).id(), null, null, null, 3)).isEmpty();
    }

    @Test
    void threadRepliesArePagedOnlyWithinTheirThread() {
        Message root = data.message(team, alice, "root");
        Message reply1 = data.reply(root, team, bob, "r1");
        Message other = data.message(team, bob, "main timeline");
        Message reply2 = data.reply(root, team, alice, "r2");

        assertThat(messages.page(team.id(), null, null, null, 10)).extracting(s -> s.message().id())
                .containsExactly(root.id(), other.id());
        assertThat(messages.page(team.id(), root.id(), null, null, 10)).extracting(s -> s.message().id())
                .containsExactly(reply1.id(), reply2.id());
        assertThat(messages.page(team.id(), root.id(), reply2.seq(), null, 10)).extracting(s -> s.message().id())
                .containsExactly(reply1.id());
        assertThat(messages.page(team.id(), root.id(), null, reply1.seq(), 10)).extracting(s -> s.message().id())
                .containsExactly(reply2.id());
    }

    @Test
    void threadStatsCountLiveRepliesAndTheFirstTenParticipantsInOrderOfFirstReply() {
        Message root = data.message(team, alice, "root");
        List<User> people = LongStream.rangeClosed(1, 12).mapToObj(i -> data.user("user" + i)).toList();
        data.reply(root, team, bob, "first");
        Message deleted = data.reply(root, team, alice, "deleted");
        people.forEach(p -> data.reply(root, team, p, "hi"));
        Message last = data.reply(root, team, bob, "again");
        data.reply(root, team, null, "platform");
        messages.markDeleted(deleted.id(), alice.id(), at(999));
        messages.refreshThreadStats(root.id());

        Message.ThreadStats stats = messages.findById(root.id()).orElseThrow().thread();
        assertThat(stats.replyCount()).isEqualTo(15);
        assertThat(stats.lastReplyAt()).isAfter(last.createdAt());
        List<String> expected = new java.util.ArrayList<>(List.of(bob.id()));
        people.stream().limit(9).forEach(p -> expected.add(p.id()));
        assertThat(stats.participantIds()).containsExactlyElementsOf(expected);
        assertThat(messages.findById(last.id()).orElseThrow().thread()).isEqualTo(Message.ThreadStats.NONE);

        Message lonely = data.message(team, alice, "no replies");
        messages.refreshThreadStats(lonely.id());
        assertThat(messages.findById(lonely.id()).orElseThrow().thread()).isEqualTo(Message.ThreadStats.NONE);
    }

    @Test
    void searchFindsLiveMessagesOfMyConversationsOnly() {
        Message hit = data.message(team, bob, "the quarterly budget review");
        Message gone = data.message(team, bob, "budget draft to delete");
        data.message(data.group("Secret", bob), bob, "secret budget numbers");
        messages.markDeleted(gone.id(), bob.id(), at(50));

        List<SearchHit> hits = messages.search(alice.id(), new SearchQuery("budget", null, null, null, null, null, 0, 10));

        assertThat(hits).extracting(SearchHit::message).containsExactly(hit);
        assertThat(hits.getFirst().snippet()).contains(SearchHit.HIGHLIGHT_START + "budget" + SearchHit.HIGHLIGHT_END);
        assertThat(messages.search(bob.id(), new SearchQuery("budget", null, null, null, null, null, 0, 10))).hasSize(2);
    }

    @Test
    void searchListsWholeWordsNewestFirstAndSeesAnEditAtOnce() {
        Message older = data.message(team, bob, "release plan for friday");
        Message part = data.message(team, bob, "the prerelease is green");
        Message newer = data.message(team, alice, "release notes");

        assertThat(searchIds(alice, "release")).containsExactly(newer.id(), older.id(), part.id());
        messages.edit(older.id(), "launch plan for friday", List.of(), false, at(60), null);

        assertThat(searchIds(alice, "release")).containsExactly(newer.id(), part.id());
        assertThat(searchIds(alice, "launch")).containsExactly(older.id());
        List<SearchHit> hits = messages.search(alice.id(), new SearchQuery("release", null, null, null, null, null, 0, 10));
        assertThat(hits).extracting(SearchHit::score).containsExactly(1.0, 0.5);
    }

    private List<String> searchIds(User user, String text) {
        return messages.search(user.id(), new SearchQuery(text, null, null, null, null, null, 0, 10)).stream()
                .map(hit -> hit.message().id()).toList();
    }

    private static List<Long> seqs(List<StoredMessage> page) {
        return page.stream().map(s -> s.message().seq()).toList();
    }
}
