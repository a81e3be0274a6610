package dev.parley.core.port;

import dev.parley.core.message.Message;
import dev.parley.core.message.MessageEdit;
import dev.parley.core.message.ReactionCount;
import dev.parley.core.message.StoredMessage;
import dev.parley.core.search.SearchHit;
import dev.parley.core.search.SearchQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Messages with their edits, reactions, pins, mentions and full-text index. Thread-safe; every
 * method joins the caller's transaction. (conversation, sender, client message id) is unique:
 * inserting a second one throws {@code ParleyException} CONFLICT.
 */
public interface MessageStore {
    /** Inserts the message, under the seq it carries, and indexes its text and mentions. */
    void insert(Message message);

    /**
     * Inserts a new message as {@link #insert} does, under the conversation's next seq (taken as
     * {@link ConversationStore#nextSeq} takes it; the message's own seq is ignored), makes its
     * created-at the time of the conversation's newest message ({@link ConversationStore#recordActivity}),
     * and returns the seq. The store may do all of it in one statement. NOT_FOUND if the
     * conversation does not exist.
     */
    long insertNext(Message message);

    Optional<Message> findById(String id);

    Optional<Message> findByClientMessageId(String conversationId, String senderId, String clientMessageId);

    /** Replaces text and mentions, sets edited-at, keeps {@code previous} in the edit history, re-indexes. */
    void edit(String messageId, String text, List<String> mentions, boolean mentionsAll, Instant editedAt,
              MessageEdit previous);

    /** Edit history, oldest first. */
    List<MessageEdit> edits(String messageId);

    /**
     * Makes the message a tombstone: content, attachments, mentions, edit history, reactions, pin
     * and index entry are removed; deleted-at and deleted-by are set.
     */
    void markDeleted(String messageId, String deletedBy, Instant at);

    /**
     * Up to {@code limit} messages in ascending seq: the newest ones below {@code beforeSeq} if it is
     * set, else the oldest ones above {@code afterSeq} if it is set, else the newest. When
     * {@code threadRootId} is set, only that thread's replies. Each comes with whether it is pinned
     * and whether it has reactions, as {@link #pinnedAmong} and {@link #reactions} would tell.
     */
    List<StoredMessage> page(String conversationId, String threadRootId, Long beforeSeq, Long afterSeq, int limit);

    /** Recomputes the thread statistics of a root from its live replies. */
    void refreshThreadStats(String rootMessageId);

    /** Messages that are not deleted. */
    long countLive(String conversationId);

    /** Adds a reaction; false if this user already reacted with this emoji. */
    boolean addReaction(String messageId, String userId, String emoji, Instant at);

    /** Removes a reaction; false if there was none. */
    boolean removeReaction(String messageId, String userId, String emoji);

    /** Reactions per message id, emoji in order of first use, with {@code viewerId}'s own marked. */
    Map<String, List<ReactionCount>> reactions(Collection<String> messageIds, String viewerId);

    /** Pins a message; false if already pinned. */
    boolean pin(String messageId, String conversationId, String userId, Instant at);

    /** Unpins a message; false if it was not pinned. */
    boolean unpin(String messageId);

    /** Pinned messages of a conversation, most recently pinned first. */
    List<Message> pinned(String conversationId);

    /** Which of the given messages are pinned. */
    Set<String> pinnedAmong(Collection<String> messageIds);

    /**
     * Full-text search over live messages of conversations {@code userId} is a member of, skipping
     * {@code query.offset()} hits: first those with every term as whole words (score 1), then
     * those with a term only inside a word (score 0.5), newest first within each. Sees every
     * committed change at once (a message sent, edited or deleted before the search).
     */
    List<SearchHit> search(String userId, SearchQuery query);
}
