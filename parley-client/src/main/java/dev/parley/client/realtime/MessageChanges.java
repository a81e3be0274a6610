package dev.parley.client.realtime;

import dev.parley.client.model.Conversation;
import dev.parley.client.model.Message;
import dev.parley.client.model.Message.Reaction;
import dev.parley.client.model.Message.ThreadInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Pure functions that apply one change to an immutable {@link Message} or {@link Conversation}. */
final class MessageChanges {
    private MessageChanges() {
    }

    static Message edited(Message m, String text, List<String> mentions, boolean mentionAll, Instant editedAt) {
        return new Message(m.id(), m.conversationId(), m.seq(), m.senderId(), m.clientMessageId(), m.type(), text,
                m.codeLanguage(), m.attachments(), m.replyToId(), m.threadRootId(), mentions == null ? List.of() : mentions,
                mentionAll, m.forwardedFrom(), m.createdAt(), editedAt, m.deletedAt(), m.deletedBy(), m.thread(),
                m.reactions(), m.pinned(), m.delivery());
    }

    /** The tombstone as the server shows it: no content, mentions, reactions or delivery state; the pin stays. */
    static Message deleted(Message m, Instant deletedAt) {
        return new Message(m.id(), m.conversationId(), m.seq(), m.senderId(), m.clientMessageId(), m.type(), null,
                null, List.of(), m.replyToId(), m.threadRootId(), List.of(), false, null, m.createdAt(),
                m.editedAt(), deletedAt, m.deletedBy(), m.thread(), List.of(), m.pinned(), null);
    }

    static Message pinned(Message m, boolean pinned) {
        return withReactionsAndPin(m, m.reactions(), pinned);
    }

    /**
     * Adds {@code userId}'s reaction; unchanged if it is already counted (the user is listed, or it
     * is me and {@code me} is set).
     */
    static Message reactionAdded(Message m, String userId, String emoji, String me) {
        boolean mine = userId.equals(me);
        List<Reaction> reactions = new ArrayList<>(m.reactions() == null ? List.of() : m.reactions());
        int index = indexOf(reactions, emoji);
        if (index < 0) {
            reactions.add(new Reaction(emoji, 1, mine, List.of(userId)));
        } else {
            Reaction r = reactions.get(index);
            List<String> users = r.userIds() == null ? List.of() : r.userIds();
            if (users.contains(userId) || (mine && r.me())) return m;
            List<String> more = new ArrayList<>(users);
            more.add(userId);
            reactions.set(index, new Reaction(emoji, r.count() + 1, r.me() || mine, List.copyOf(more)));
        }
        return withReactionsAndPin(m, List.copyOf(reactions), m.pinned());
    }

    /** Removes {@code userId}'s reaction; unchanged if it is not counted. */
    static Message reactionRemoved(Message m, String userId, String emoji, String me) {
        boolean mine = userId.equals(me);
        List<Reaction> reactions = new ArrayList<>(m.reactions() == null ? List.of() : m.reactions());
        int index = indexOf(reactions, emoji);
        if (index < 0) return m;
        Reaction r = reactions.get(index);
        List<String> users = r.userIds() == null ? List.of() : r.userIds();
        boolean listed = users.contains(userId);
        boolean counted = mine ? r.me() : listed || r.count() > users.size();
        if (!counted) return m;
        List<String> fewer = new ArrayList<>(users);
        fewer.remove(userId);
        if (r.count() <= 1) reactions.remove(index);
        else reactions.set(index, new Reaction(emoji, r.count() - 1, r.me() && !mine, List.copyOf(fewer)));
        return withReactionsAndPin(m, List.copyOf(reactions), m.pinned());
    }

    /** The root after a reply was added. */
    static Message replyAdded(Message root, Message reply) {
        ThreadInfo t = root.thread();
        List<String> participants = new ArrayList<>(t == null || t.participantIds() == null ? List.of() : t.participantIds());
        if (reply.senderId() != null && !participants.contains(reply.senderId())) participants.add(reply.senderId());
        ThreadInfo updated = new ThreadInfo((t == null ? 0 : t.replyCount()) + 1, reply.createdAt(), List.copyOf(participants));
        return withThread(root, updated);
    }

    /** The root after a reply was deleted. */
    static Message replyRemoved(Message root) {
        ThreadInfo t = root.thread();
        if (t == null || t.replyCount() <= 0) return root;
        int count = t.replyCount() - 1;
        return withThread(root, count == 0 ? new ThreadInfo(0, null, List.of())
                : new ThreadInfo(count, t.lastReplyAt(), t.participantIds()));
    }

    static Conversation updated(Conversation c, String title, String description, String avatarUrl) {
        return new Conversation(c.id(), c.kind(), title, description, avatarUrl, c.courseId(), c.archived(),
                c.createdBy(), c.createdAt(), c.lastActivityAt(), c.lastSeq());
    }

    static Conversation archived(Conversation c, boolean archived) {
        return new Conversation(c.id(), c.kind(), c.title(), c.description(), c.avatarUrl(), c.courseId(), archived,
                c.createdBy(), c.createdAt(), c.lastActivityAt(), c.lastSeq());
    }

    /** The conversation after an event: its last seq, and its last activity for new messages. */
    static Conversation advanced(Conversation c, long seq, Instant activity) {
        Instant last = activity != null && (c.lastActivityAt() == null || activity.isAfter(c.lastActivityAt()))
                ? activity : c.lastActivityAt();
        return new Conversation(c.id(), c.kind(), c.title(), c.description(), c.avatarUrl(), c.courseId(), c.archived(),
                c.createdBy(), c.createdAt(), last, Math.max(c.lastSeq(), seq));
    }

    static boolean mentions(Message m, String userId) {
        return m.mentionAll() || (m.mentions() != null && m.mentions().contains(userId));
    }

    private static int indexOf(List<Reaction> reactions, String emoji) {
        for (int i = 0; i < reactions.size(); i++) if (Objects.equals(reactions.get(i).emoji(), emoji)) return i;
        return -1;
    }

    private static Message withReactionsAndPin(Message m, List<Reaction> reactions, boolean pinned) {
        return new Message(m.id(), m.conversationId(), m.seq(), m.senderId(), m.clientMessageId(), m.type(), m.text(),
                m.codeLanguage(), m.attachments(), m.replyToId(), m.threadRootId(), m.mentions(), m.mentionAll(),
                m.forwardedFrom(), m.createdAt(), m.editedAt(), m.deletedAt(), m.deletedBy(), m.thread(), reactions,
                pinned, m.delivery());
    }

    private static Message withThread(Message m, ThreadInfo thread) {
        return new Message(m.id(), m.conversationId(), m.seq(), m.senderId(), m.clientMessageId(), m.type(), m.text(),
                m.codeLanguage(), m.attachments(), m.replyToId(), m.threadRootId(), m.mentions(), m.mentionAll(),
                m.forwardedFrom(), m.createdAt(), m.editedAt(), m.deletedAt(), m.deletedBy(), thread, m.reactions(),
                m.pinned(), m.delivery());
    }
}
