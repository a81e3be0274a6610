package dev.parley.bench.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a generated store: {@code conversations} group conversations of
 * {@code membersPerConversation} members each, drawn from {@code users} users, each conversation
 * holding {@code messagesPerConversation} messages. Member {@code j} of conversation {@code c} is
 * user {@code (c + j * users / membersPerConversation) mod users}, so every user belongs to
 * {@code conversations * membersPerConversation / users} conversations.
 */
public record StoreLayout(int conversations, int messagesPerConversation, int users, int membersPerConversation) {

    public StoreLayout {
        if (conversations < 1 || messagesPerConversation < 1) throw new IllegalArgumentException("empty store");
        if (membersPerConversation < 1 || users < membersPerConversation) {
            throw new IllegalArgumentException("need at least as many users as members per conversation");
        }
    }

    /** The standard layout for a total message count: 1,000 conversations (fewer for small stores), 10 members. */
    public static StoreLayout forMessages(long messages) {
        int conversations = (int) Math.max(1, Math.min(1_000, messages / 200));
        int perConversation = (int) Math.max(1, messages / conversations);
        int users = Math.max(10, Math.min(200, conversations * 10 / 5));
        return new StoreLayout(conversations, perConversation, users, 10);
    }

    public long messages() {
        return (long) conversations * messagesPerConversation;
    }

    /** The users of conversation {@code c}, as user numbers. */
    public List<Integer> membersOf(int c) {
        int stride = users / membersPerConversation;
        List<Integer> members = new ArrayList<>(membersPerConversation);
        for (int j = 0; j < membersPerConversation; j++) members.add((c + j * stride) % users);
        return members;
    }

    /** The conversations user {@code u} belongs to, as conversation numbers. */
    public List<Integer> conversationsOf(int u) {
        List<Integer> mine = new ArrayList<>();
        for (int c = 0; c < conversations; c++) {
            if (membersOf(c).contains(u)) mine.add(c);
        }
        return mine;
    }

    /** The host-token subject of user {@code u}; it is also the user's username. */
    public static String subject(int u) {
        return "store-u" + u;
    }

    public static String displayName(int u) {
        return "Store user " + u;
    }

    /** A stable text describing the layout, kept in the store to tell whether it can be reused. */
    public String describe() {
        return "conversations=" + conversations + ",messagesPerConversation=" + messagesPerConversation
                + ",users=" + users + ",membersPerConversation=" + membersPerConversation;
    }
}
