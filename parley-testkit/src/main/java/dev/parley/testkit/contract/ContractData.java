package dev.parley.testkit.contract;

import dev.parley.core.conversation.Conversation;
import dev.parley.core.conversation.ConversationKind;
import dev.parley.core.conversation.Member;
import dev.parley.core.conversation.MemberSettings;
import dev.parley.core.conversation.Role;
import dev.parley.core.message.Message;
import dev.parley.core.message.MessageType;
import dev.parley.core.user.User;
import dev.parley.testkit.StoreFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds rows for the contract suites straight through the stores: users, conversations with
 * members, and messages that take the conversation's next seq. Times start at {@link #T0} and
 * every created row is one second later than the previous one unless a time is given.
 */
public final class ContractData {
    public static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private final StoreFixture store;
    private final AtomicLong counter = new AtomicLong();

    public ContractData(StoreFixture store) {
        this.store = store;
    }

    /** A fresh id with the prefix, e.g. {@code m_7}. */
    public String id(String prefix) {
        return prefix + "_" + counter.incrementAndGet();
    }

    /** The time of the n-th second after {@link #T0}. */
    public static Instant at(long seconds) {
        return T0.plus(Duration.ofSeconds(seconds));
    }

    public Instant tick() {
        return at(counter.incrementAndGet());
    }

    /** A user {@code u_<username>} whose display name is the username with a capital first letter. */
    public User user(String username) {
        String display = Character.toUpperCase(username.charAt(0)) + username.substring(1);
        User user = new User("u_" + username, username, display, username + "@example.test", null, null, null, T0);
        store.users().insert(user, "hash-" + username);
        return user;
    }

    /** A group conversation created by the first member (owner); the others are members. */
    public Conversation group(String title, User... members) {
        Conversation c = new Conversation(id("c"), ConversationKind.GROUP, title, null, null, null, null, false,
                members.length == 0 ? null : members[0].id(), T0, T0, 0);
        store.conversations().insert(c);
        for (int i = 0; i < members.length; i++) {
            member(c, members[i], i == 0 ? Role.OWNER : Role.MEMBER);
        }
        return c;
    }

    public Conversation direct(User a, User b) {
        Conversation c = new Conversation(id("c"), ConversationKind.DIRECT, null, null, null, null,
                Conversation.directKey(a.id(), b.id()), false, a.id(), T0, T0, 0);
        store.conversations().insert(c);
        member(c, a, Role.MEMBER);
        member(c, b, Role.MEMBER);
        return c;
    }

    public Member member(Conversation c, User user, Role role) {
        Member member = new Member(c.id(), user.id(), role, T0, 0, 0, MemberSettings.DEFAULT);
        store.conversations().insertMember(member);
        return member;
    }

    /** A text message by {@code sender} (null: the platform) with the conversation's next seq; records activity. */
    public Message message(Conversation c, User sender, String text) {
        return insert(c, sender, text, null, List.of(), false);
    }

    /** A reply in the thread of {@code root}. */
    public Message reply(Message root, Conversation c, User sender, String text) {
        return insert(c, sender, text, root.id(), List.of(), false);
    }

    public Message mentioning(Conversation c, User sender, String text, List<String> mentions, boolean all) {
        return insert(c, sender, text, null, mentions, all);
    }

    private Message insert(Conversation c, User sender, String text, String threadRootId, List<String> mentions,
                           boolean all) {
        return store.transactor().write(() -> {
            Message draft = new Message(id("m"), c.id(), 0, sender == null ? null : sender.id(), id("cm"),
                    MessageType.TEXT, text, null, List.of(), null, threadRootId, mentions, all, null, tick(), null, null,
                    null, Message.ThreadStats.NONE);
            Message m = draft.withSeq(store.messages().insertNext(draft));
            if (threadRootId != null) store.messages().refreshThreadStats(threadRootId);
            return m;
        });
    }
}
