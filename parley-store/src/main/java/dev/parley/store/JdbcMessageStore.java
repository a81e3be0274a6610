package dev.parley.store;

import dev.parley.core.error.ParleyException;
import dev.parley.core.message.Message;
import dev.parley.core.message.MessageEdit;
import dev.parley.core.message.ReactionCount;
import dev.parley.core.message.StoredMessage;
import dev.parley.core.port.MessageStore;
import dev.parley.core.search.SearchHit;
import dev.parley.core.search.SearchQuery;
import dev.parley.store.search.MessageSearch;
import dev.parley.store.search.SearchMatch;
import dev.parley.store.search.SqliteSearchIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Messages in the {@code messages} table with their mentions, edits, reactions and pins; the
 * full-text index is kept by expression indexes (PostgreSQL), or on SQLite by triggers and, for
 * new and edited messages, by {@link SqliteSearchIndex} once per transaction before it commits;
 * it is queried through {@link MessageSearch}. A message row keeps its mention list, its number of
 * reactions and its pin flag beside the rows of {@code message_mentions}, {@code message_reactions}
 * and {@code message_pins}; every change of those rows here changes the row's copy in the same
 * transaction (see {@link MessageRows}).
 */
final class JdbcMessageStore implements MessageStore {
    private static final String INSERT_INTO = """
            INSERT INTO messages (seq, id, conversation_id, sender_id, client_message_id, type, text,
                                  code_language, attachments, reply_to_id, thread_root_id, mentions_all,
                                  forwarded_from, created_at, edited_at, deleted_at, deleted_by,
                                  thread_reply_count, thread_last_reply_at, thread_participants, mention_ids)
            """;
    /** The seq, then the {@link #columns} of a message. */
    private static final String INSERT = INSERT_INTO + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /**
     * PostgreSQL: takes the conversation's next seq and inserts the message under it in one
     * statement, one round trip; no row if the conversation does not exist. The parameters of
     * {@link JdbcConversationStore#TAKE_MESSAGE_SEQ}, then the {@link #columns} of the message.
     */
    private static final String INSERT_NEXT = "WITH taken AS (" + JdbcConversationStore.TAKE_MESSAGE_SEQ + ") "
            + INSERT_INTO + "SELECT last_seq, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM taken"
            + " RETURNING seq";
    private static final String INSERT_MENTION = """
            INSERT INTO message_mentions (message_id, conversation_id, seq, user_id, position)
            SELECT id, conversation_id, seq, ?, ? FROM messages WHERE id = ?""";

    private final JdbcTransactor tx;
    private final Dialect dialect;
    private final String select = "SELECT " + MessageRows.COLUMNS + " FROM messages m ";
    private final MessageReactions reactions;
    private final MessageSearch search;

    JdbcMessageStore(JdbcTransactor tx, Dialect dialect, MessageSearch search) {
        this.tx = tx;
        this.dialect = dialect;
        this.reactions = new MessageReactions(tx, dialect);
        this.search = search;
    }

    @Override
    public void insert(Message m) {
        tx.writing(h -> {
            List<String> mentions = distinct(m.mentions());
            tx.sql().update(h, INSERT, columns(m, mentions, m.seq()));
            indexAndMention(h, m.id(), mentions);
            return null;
        });
    }

    @Override
    public long insertNext(Message m) {
        return tx.writing(h -> {
            List<String> mentions = distinct(m.mentions());
            Long at = Rows.millis(m.createdAt());
            boolean inOne = dialect.updatesInWith();
            long seq = (inOne
                    ? tx.sql().one(h, INSERT_NEXT, rs -> rs.getLong(1), columns(m, mentions, at, m.conversationId()))
                    : tx.sql().one(h, JdbcConversationStore.TAKE_MESSAGE_SEQ, rs -> rs.getLong(1), at, m.conversationId()))
                    .orElseThrow(() -> ParleyException.notFound("Conversation"));
            if (!inOne) tx.sql().update(h, INSERT, columns(m, mentions, seq));
            indexAndMention(h, m.id(), mentions);
            return seq;
        });
    }

    /**
     * The values of a message's columns in the order of {@link #INSERT_INTO} after its seq, behind
     * {@code first}; {@code mentions} are its distinct mentions.
     */
    private static Object[] columns(Message m, List<String> mentions, Object... first) {
        Message.ThreadStats thread = m.thread() == null ? Message.ThreadStats.NONE : m.thread();
        Object[] values = {m.id(), m.conversationId(), m.senderId(), m.clientMessageId(),
                m.type().wireName(), m.text(), m.codeLanguage(), JsonCodec.attachments(m.attachments()),
                m.replyToId(), m.threadRootId(), m.mentionsAll(), JsonCodec.forwarded(m.forwardedFrom()),
                Rows.millis(m.createdAt()), Rows.millis(m.editedAt()), Rows.millis(m.deletedAt()), m.deletedBy(),
                thread.replyCount(), Rows.millis(thread.lastReplyAt()), JsonCodec.strings(thread.participantIds()),
                JsonCodec.strings(mentions)};
        Object[] all = new Object[first.length + values.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(values, 0, all, first.length, values.length);
        return all;
    }

    /** After a message's row: its full-text indexing (SQLite, before the commit) and its mention rows. */
    private void indexAndMention(Handle h, String messageId, List<String> mentions) {
        if (dialect == Dialect.SQLITE) tx.beforeCommit(SqliteSearchIndex.KEY, SqliteSearchIndex::indexPending);
        insertMentions(h, messageId, mentions);
    }

    /** Mentioned users in the order given, without repeats. */
    private static List<String> distinct(List<String> mentions) {
        return mentions == null || mentions.isEmpty() ? List.of() : List.copyOf(new LinkedHashSet<>(mentions));
    }

    /** Adds mention rows for distinct users in their order; seq and conversation are copied from the message. */
    private void insertMentions(Handle h, String messageId, List<String> mentions) {
        if (mentions.isEmpty()) return;
        List<Object[]> rows = new ArrayList<>(mentions.size());
        for (String userId : mentions) rows.add(new Object[] {userId, rows.size(), messageId});
        tx.sql().batch(h, INSERT_MENTION, rows);
    }

    @Override
    public Optional<Message> findById(String id) {
        return tx.reading(h -> tx.sql().one(h, select + "WHERE m.id = ?", MessageRows::message, id));
    }

    @Override
    public Optional<Message> findByClientMessageId(String conversationId, String senderId, String clientMessageId) {
        return tx.reading(h -> tx.sql().one(h, select + """
                        WHERE m.conversation_id = ? AND COALESCE(m.sender_id, '') = ? AND m.client_message_id = ?""",
                MessageRows::message, conversationId, senderId == null ? "" : senderId, clientMessageId));
    }

    @Override
    public void edit(String messageId, String text, List<String> mentions, boolean mentionsAll, Instant editedAt,
                     MessageEdit previous) {
        tx.writing(h -> {
            List<String> mentioned = distinct(mentions);
            h.createUpdate("""
                            UPDATE messages SET text = :text, mentions_all = :mentionsAll, edited_at = :editedAt,
                                                mention_ids = :mentionIds
                            WHERE id = :id""")
                    .bind("id", messageId)
                    .bind("text", text)
                    .bind("mentionsAll", mentionsAll)
                    .bind("editedAt", Rows.millis(editedAt))
                    .bind("mentionIds", JsonCodec.strings(mentioned))
                    .execute();
            // The update trigger noted the message: its new text is indexed before the commit.
            if (dialect == Dialect.SQLITE) tx.beforeCommit(SqliteSearchIndex.KEY, SqliteSearchIndex::indexPending);
            h.createUpdate("DELETE FROM message_mentions WHERE message_id = :id").bind("id", messageId).execute();
            insertMentions(h, messageId, mentioned);
            if (previous != null) {
                h.createUpdate("INSERT INTO message_edits (message_id, previous_text, replaced_at) VALUES (:id, :text, :at)")
                        .bind("id", messageId)
                        .bind("text", previous.previousText())
                        .bind("at", Rows.millis(previous.replacedAt() == null ? editedAt : previous.replacedAt()))
                        .execute();
            }
            return null;
        });
    }

    @Override
    public List<MessageEdit> edits(String messageId) {
        return tx.reading(h -> h.createQuery(
                        "SELECT message_id, previous_text, replaced_at FROM message_edits WHERE message_id = :id ORDER BY id")
                .bind("id", messageId)
                .map((rs, ctx) -> new MessageEdit(rs.getString("message_id"), rs.getString("previous_text"),
                        Rows.instant(rs, "replaced_at")))
                .list());
    }

    @Override
    public void markDeleted(String messageId, String deletedBy, Instant at) {
        tx.writing(h -> {
            int changed = h.createUpdate("""
                            UPDATE messages SET text = NULL, code_language = NULL, attachments = '[]',
                                                mentions_all = :no, forwarded_from = NULL, mention_ids = '[]',
                                                reaction_count = 0, pinned = :no,
                                                deleted_at = :at, deleted_by = :by
                            WHERE id = :id AND deleted_at IS NULL""")
                    .bind("id", messageId)
                    .bind("no", false)
                    .bind("at", Rows.millis(at))
                    .bind("by", deletedBy)
                    .execute();
            if (changed == 0) return null;
            for (String table : List.of("message_mentions", "message_edits", "message_reactions", "message_pins")) {
                h.createUpdate("DELETE FROM " + table + " WHERE message_id = :id").bind("id", messageId).execute();
            }
            return null;
        });
    }

    @Override
    public List<StoredMessage> page(String conversationId, String threadRootId, Long beforeSeq, Long afterSeq, int limit) {
        if (limit <= 0) return List.of();
        boolean ascending = beforeSeq == null && afterSeq != null;
        StringBuilder sql = new StringBuilder(select).append("WHERE m.conversation_id = ?");
        List<Object> args = new ArrayList<>(4);
        args.add(conversationId);
        if (threadRootId == null) {
            sql.append(" AND m.thread_root_id IS NULL");
        } else {
            sql.append(" AND m.thread_root_id = ?");
            args.add(threadRootId);
        }
        if (beforeSeq != null) {
            sql.append(" AND m.seq < ?");
            args.add(beforeSeq);
        } else if (afterSeq != null) {
            sql.append(" AND m.seq > ?");
            args.add(afterSeq);
        }
        sql.append(ascending ? " ORDER BY m.seq ASC" : " ORDER BY m.seq DESC").append(" LIMIT ?");
        args.add(limit);
        List<StoredMessage> found = tx.reading(h -> tx.sql().list(h, sql.toString(), MessageRows::stored, args.toArray()));
        if (!ascending) Collections.reverse(found);
        return found;
    }

    @Override
    public void refreshThreadStats(String rootMessageId) {
        String participants = dialect.jsonArray("p.sender_id", "p.first_seq");
        tx.writing(h -> h.createUpdate("UPDATE messages SET\n"
                        + " thread_reply_count = (SELECT COUNT(*) FROM messages r"
                        + " WHERE r.thread_root_id = :root AND r.deleted_at IS NULL),\n"
                        + " thread_last_reply_at = (SELECT MAX(r.created_at) FROM messages r"
                        + " WHERE r.thread_root_id = :root AND r.deleted_at IS NULL),\n"
                        + " thread_participants = (SELECT COALESCE(" + participants + ", '[]') FROM ("
                        + "SELECT r.sender_id, MIN(r.seq) AS first_seq FROM messages r"
                        + " WHERE r.thread_root_id = :root AND r.deleted_at IS NULL AND r.sender_id IS NOT NULL"
                        + " GROUP BY r.sender_id ORDER BY first_seq LIMIT 10) p)\n"
                        + "WHERE id = :root")
                .bind("root", rootMessageId)
                .execute());
    }

    @Override
    public long countLive(String conversationId) {
        return tx.reading(h -> h.createQuery(
                        "SELECT COUNT(*) FROM messages WHERE conversation_id = :c AND deleted_at IS NULL")
                .bind("c", conversationId).mapTo(Long.class).one());
    }

    @Override
    public boolean addReaction(String messageId, String userId, String emoji, Instant at) {
        return reactions.add(messageId, userId, emoji, at);
    }

    @Override
    public boolean removeReaction(String messageId, String userId, String emoji) {
        return reactions.remove(messageId, userId, emoji);
    }

    @Override
    public Map<String, List<ReactionCount>> reactions(Collection<String> messageIds, String viewerId) {
        return reactions.counts(messageIds, viewerId);
    }

    @Override
    public boolean pin(String messageId, String conversationId, String userId, Instant at) {
        return tx.writing(h -> {
            boolean pinned = h.createUpdate("""
                            INSERT INTO message_pins (message_id, conversation_id, pinned_by, pinned_at)
                            VALUES (:id, :conversationId, :by, :at)
                            ON CONFLICT (message_id) DO NOTHING""")
                    .bind("id", messageId)
                    .bind("conversationId", conversationId)
                    .bind("by", userId)
                    .bind("at", Rows.millis(at))
                    .execute() == 1;
            if (pinned) setPinned(h, messageId, true);
            return pinned;
        });
    }

    @Override
    public boolean unpin(String messageId) {
        return tx.writing(h -> {
            boolean unpinned = h.createUpdate("DELETE FROM message_pins WHERE message_id = :id")
                    .bind("id", messageId).execute() == 1;
            if (unpinned) setPinned(h, messageId, false);
            return unpinned;
        });
    }

    private static void setPinned(Handle h, String messageId, boolean pinned) {
        h.createUpdate("UPDATE messages SET pinned = :pinned WHERE id = :id")
                .bind("id", messageId).bind("pinned", pinned).execute();
    }

    @Override
    public List<Message> pinned(String conversationId) {
        return tx.reading(h -> h.createQuery("SELECT " + MessageRows.COLUMNS + """
                         FROM message_pins p JOIN messages m ON m.id = p.message_id
                        WHERE p.conversation_id = :c
                        ORDER BY p.pinned_at DESC, m.seq DESC""")
                .bind("c", conversationId).map((rs, ctx) -> MessageRows.message(rs)).list());
    }

    @Override
    public Set<String> pinnedAmong(Collection<String> messageIds) {
        if (messageIds == null || messageIds.isEmpty()) return Set.of();
        return tx.reading(h -> Set.copyOf(h.createQuery("SELECT message_id FROM message_pins WHERE message_id IN (<ids>)")
                .bindList("ids", List.copyOf(messageIds)).mapTo(String.class).list()));
    }

    @Override
    public List<SearchHit> search(String userId, SearchQuery query) {
        return tx.reading(h -> {
            List<SearchMatch> matches = search.search(h, userId, query);
            if (matches.isEmpty()) return List.of();
            Map<String, Message> byId = new HashMap<>();
            h.createQuery(select + "WHERE m.id IN (<ids>)")
                    .bindList("ids", matches.stream().map(SearchMatch::messageId).distinct().toList())
                    .map((rs, ctx) -> MessageRows.message(rs))
                    .forEach(m -> byId.put(m.id(), m));
            List<SearchHit> hits = new ArrayList<>(matches.size());
            for (SearchMatch match : matches) {
                Message message = byId.get(match.messageId());
                if (message != null) hits.add(new SearchHit(message, match.snippet(), match.score()));
            }
            return hits;
        });
    }
}
