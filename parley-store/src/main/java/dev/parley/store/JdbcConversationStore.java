package dev.parley.store;

import dev.parley.core.conversation.Conversation;
import dev.parley.core.conversation.ConversationCursor;
import dev.parley.core.conversation.ConversationFilter;
import dev.parley.core.conversation.ConversationSummary;
import dev.parley.core.conversation.Member;
import dev.parley.core.conversation.MemberSettings;
import dev.parley.core.conversation.Role;
import dev.parley.core.error.ParleyException;
import dev.parley.core.port.ConversationStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Conversations and members in the {@code conversations} and {@code conversation_members} tables.
 * {@link #nextSeq} increments {@code last_seq} with {@code UPDATE ... RETURNING}, whose row lock
 * (PostgreSQL) or write lock (SQLite) holds other writers of the conversation until commit.
 */
final class JdbcConversationStore implements ConversationStore {
    /**
     * Takes a new message's seq, as {@link #nextSeq} does, and makes its time (the first
     * parameter) the conversation's newest activity; the second parameter is the conversation.
     */
    static final String TAKE_MESSAGE_SEQ =
            "UPDATE conversations SET last_seq = last_seq + 1, last_activity_at = ? WHERE id = ? RETURNING last_seq";
    private static final String SELECT = "SELECT " + Rows.CONVERSATION_COLUMNS + " FROM conversations c ";
    private static final String SELECT_MEMBER = "SELECT " + Rows.MEMBER_COLUMNS + " FROM conversation_members m ";
    private static final String WITH_MEMBER = "SELECT " + Rows.CONVERSATION_COLUMNS + ", " + Rows.MEMBER_COLUMNS
            + ", (SELECT COUNT(*) FROM conversation_members k WHERE k.conversation_id = c.id) AS member_count"
            + " FROM conversations c LEFT JOIN conversation_members m ON m.conversation_id = c.id AND m.user_id = ?"
            + " WHERE c.id = ?";

    private final JdbcTransactor tx;
    private final Dialect dialect;
    private final ConversationListQuery listQuery;
    private final String listMembers;
    private final String advanceMarkers;

    JdbcConversationStore(JdbcTransactor tx, Dialect dialect) {
        this.tx = tx;
        this.dialect = dialect;
        this.listQuery = new ConversationListQuery();
        this.listMembers = SELECT_MEMBER + "WHERE m.conversation_id = ? ORDER BY m.joined_at, " + dialect.insertionOrder("m");
        this.advanceMarkers = "UPDATE conversation_members SET delivered_seq = " + dialect.greatest("delivered_seq", "?")
                + ", read_seq = " + dialect.greatest("read_seq", "?")
                + " WHERE conversation_id = ? AND user_id = ? AND (delivered_seq < ? OR read_seq < ?)";
    }

    @Override
    public void insert(Conversation c) {
        tx.writing(h -> h.createUpdate("""
                        INSERT INTO conversations (id, kind, title, title_key, description, avatar_url, course_id,
                                                   direct_key, archived, created_by, created_at, last_activity_at, last_seq)
                        VALUES (:id, :kind, :title, :titleKey, :description, :avatarUrl, :courseId, :directKey,
                                :archived, :createdBy, :createdAt, :lastActivityAt, :lastSeq)""")
                .bind("id", c.id())
                .bind("kind", c.kind().wireName())
                .bind("title", c.title())
                .bind("titleKey", c.title() == null ? null : Rows.searchKey(c.title()))
                .bind("description", c.description())
                .bind("avatarUrl", c.avatarUrl())
                .bind("courseId", c.courseId())
                .bind("directKey", c.directKey())
                .bind("archived", c.archived())
                .bind("createdBy", c.createdBy())
                .bind("createdAt", Rows.millis(c.createdAt()))
                .bind("lastActivityAt", Rows.millis(c.lastActivityAt() == null ? c.createdAt() : c.lastActivityAt()))
                .bind("lastSeq", c.lastSeq())
                .execute());
    }

    @Override
    public Optional<Conversation> findById(String id) {
        return findBy("id", id);
    }

    @Override
    public Optional<Conversation> findByDirectKey(String directKey) {
        return findBy("direct_key", directKey);
    }

    @Override
    public Optional<Conversation> findByCourseId(String courseId) {
        return findBy("course_id", courseId);
    }

    @Override
    public Optional<WithMember> findWithMember(String conversationId, String userId) {
        flushMarkerMoves(conversationId, userId);
        return tx.reading(h -> tx.sql().one(h, WITH_MEMBER, rs -> new WithMember(Rows.conversation(rs),
                Rows.text(rs, Rows.MEMBER_AFTER_CONVERSATION) == null ? null : Rows.member(rs, Rows.MEMBER_AFTER_CONVERSATION),
                rs.getLong("member_count")), userId, conversationId));
    }

    /** {@code column} is one of this class's constants, never input. */
    private Optional<Conversation> findBy(String column, String value) {
        if (value == null) return Optional.empty();
        return tx.reading(h -> tx.sql().one(h, SELECT + "WHERE c." + column + " = ?", Rows::conversation, value));
    }

    @Override
    public void updateDetails(String id, String title, String description, String avatarUrl) {
        tx.writing(h -> h.createUpdate("""
                        UPDATE conversations SET title = :title, title_key = :titleKey, description = :description,
                                                 avatar_url = :avatarUrl
                        WHERE id = :id""")
                .bind("id", id)
                .bind("title", title)
                .bind("titleKey", title == null ? null : Rows.searchKey(title))
                .bind("description", description)
                .bind("avatarUrl", avatarUrl)
                .execute());
    }

    @Override
    public void setArchived(String id, boolean archived) {
        tx.writing(h -> h.createUpdate("UPDATE conversations SET archived = :archived WHERE id = :id")
                .bind("id", id).bind("archived", archived).execute());
    }

    @Override
    public long nextSeq(String id) {
        return tx.writing(h -> tx.sql().one(h, "UPDATE conversations SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq",
                        rs -> rs.getLong(1), id))
                .orElseThrow(() -> ParleyException.notFound("Conversation"));
    }

    @Override
    public void recordActivity(String id, Instant at) {
        tx.writing(h -> h.createUpdate("UPDATE conversations SET last_activity_at = :at WHERE id = :id")
                .bind("id", id).bind("at", Rows.millis(at)).execute());
    }

    @Override
    public void insertMember(Member member) {
        MemberSettings s = member.settings() == null ? MemberSettings.DEFAULT : member.settings();
        tx.writing(h -> h.createUpdate("""
                        INSERT INTO conversation_members (conversation_id, user_id, role, joined_at, read_seq, delivered_seq,
                                                          muted, muted_until, pinned, hidden)
                        VALUES (:conversationId, :userId, :role, :joinedAt, :readSeq, :deliveredSeq,
                                :muted, :mutedUntil, :pinned, :hidden)""")
                .bind("conversationId", member.conversationId())
                .bind("userId", member.userId())
                .bind("role", member.role().wireName())
                .bind("joinedAt", Rows.millis(member.joinedAt()))
                .bind("readSeq", member.readSeq())
                .bind("deliveredSeq", member.deliveredSeq())
                .bind("muted", s.muted())
                .bind("mutedUntil", Rows.millis(s.mutedUntil()))
                .bind("pinned", s.pinned())
                .bind("hidden", s.hidden())
                .execute());
    }

    @Override
    public void deleteMember(String conversationId, String userId) {
        tx.writing(h -> h.createUpdate("DELETE FROM conversation_members WHERE conversation_id = :c AND user_id = :u")
                .bind("c", conversationId).bind("u", userId).execute());
    }

    @Override
    public Optional<Member> findMember(String conversationId, String userId) {
        flushMarkerMoves(conversationId, userId);
        return tx.reading(h -> tx.sql().one(h, SELECT_MEMBER + "WHERE m.conversation_id = ? AND m.user_id = ?",
                Rows::member, conversationId, userId));
    }

    @Override
    public List<Member> listMembers(String conversationId) {
        flushMarkerMoves(conversationId, null);
        return tx.reading(h -> tx.sql().list(h, listMembers, Rows::member, conversationId));
    }

    @Override
    public long countMembers(String conversationId) {
        return tx.reading(h -> tx.sql().one(h, "SELECT COUNT(*) FROM conversation_members WHERE conversation_id = ?",
                rs -> rs.getLong(1), conversationId).orElseThrow());
    }

    @Override
    public long countMembersWithRole(String conversationId, Role role) {
        return tx.reading(h -> h.createQuery(
                        "SELECT COUNT(*) FROM conversation_members WHERE conversation_id = :c AND role = :role")
                .bind("c", conversationId).bind("role", role.wireName()).mapTo(Long.class).one());
    }

    @Override
    public void updateRole(String conversationId, String userId, Role role) {
        tx.writing(h -> h.createUpdate("UPDATE conversation_members SET role = :role WHERE conversation_id = :c AND user_id = :u")
                .bind("c", conversationId).bind("u", userId).bind("role", role.wireName()).execute());
    }

    @Override
    public void updateSettings(String conversationId, String userId, MemberSettings settings) {
        tx.writing(h -> h.createUpdate("""
                        UPDATE conversation_members SET muted = :muted, muted_until = :mutedUntil, pinned = :pinned,
                                                        hidden = :hidden
                        WHERE conversation_id = :c AND user_id = :u""")
                .bind("c", conversationId)
                .bind("u", userId)
                .bind("muted", settings.muted())
                .bind("mutedUntil", Rows.millis(settings.mutedUntil()))
                .bind("pinned", settings.pinned())
                .bind("hidden", settings.hidden())
                .execute());
    }

    @Override
    public boolean advanceReadSeq(String conversationId, String userId, long seq) {
        flushMarkerMoves(conversationId, userId);
        return tx.writing(h -> h.createUpdate("""
                        UPDATE conversation_members SET read_seq = :seq
                        WHERE conversation_id = :c AND user_id = :u AND read_seq < :seq""")
                .bind("c", conversationId).bind("u", userId).bind("seq", seq).execute() == 1);
    }

    @Override
    public boolean advanceDeliveredSeq(String conversationId, String userId, long seq) {
        flushMarkerMoves(conversationId, userId);
        return tx.writing(h -> h.createUpdate("""
                        UPDATE conversation_members SET delivered_seq = :seq
                        WHERE conversation_id = :c AND user_id = :u AND delivered_seq < :seq""")
                .bind("c", conversationId).bind("u", userId).bind("seq", seq).execute() == 1);
    }

    @Override
    public void advanceMarkers(String conversationId, String userId, long seq) {
        // Deferred to the commit, in one batch with the other sends' (the update only ever raises
        // the markers, so its order among them does not matter): no round trip per send on
        // PostgreSQL. A read of the member's markers in the same transaction writes it first.
        tx.defer(advanceMarkers, seq, seq, conversationId, userId, seq, seq);
    }

    /**
     * Writes the marker moves this write transaction deferred for the member ({@code userId} null:
     * every member of the conversation), so that what follows reads or moves the markers as they
     * now are. Outside a write transaction, or with none deferred, nothing happens.
     */
    private void flushMarkerMoves(String conversationId, String userId) {
        tx.flushDeferred(advanceMarkers, args -> args[2].equals(conversationId) && (userId == null || args[3].equals(userId)));
    }

    @Override
    public List<ConversationSummary> listForUser(String userId, ConversationFilter filter, ConversationCursor after,
                                                 int limit) {
        if (limit <= 0) return List.of();
        ConversationFilter f = filter == null ? ConversationFilter.ALL : filter;
        return tx.reading(h -> listQuery.run(h, userId, f, after, limit));
    }
}
