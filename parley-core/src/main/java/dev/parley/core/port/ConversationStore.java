package dev.parley.core.port;

import dev.parley.core.conversation.Conversation;
import dev.parley.core.conversation.ConversationCursor;
import dev.parley.core.conversation.ConversationFilter;
import dev.parley.core.conversation.ConversationSummary;
import dev.parley.core.conversation.Member;
import dev.parley.core.conversation.MemberSettings;
import dev.parley.core.conversation.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Conversations, their sequence counters and their members. Thread-safe; every method joins the
 * caller's transaction. Unique keys: direct key, course id, (conversation, user) membership; a
 * violated key throws {@code ParleyException} CONFLICT and changes nothing.
 */
public interface ConversationStore {
    /**
     * A conversation with one user's membership of it ({@code member} is null when the user is not
     * a member) and how many members it has.
     */
    record WithMember(Conversation conversation, Member member, long memberCount) {
    }

    void insert(Conversation conversation);

    Optional<Conversation> findById(String id);

    /** The conversation, the user's membership of it and its member count, in one read; empty if the conversation does not exist. */
    Optional<WithMember> findWithMember(String conversationId, String userId);

    Optional<Conversation> findByDirectKey(String directKey);

    Optional<Conversation> findByCourseId(String courseId);

    void updateDetails(String id, String title, String description, String avatarUrl);

    void setArchived(String id, boolean archived);

    /**
     * Takes the conversation's next seq (last seq + 1) and returns it. Inside a write transaction
     * it holds the conversation until commit, so concurrent writers get consecutive numbers and a
     * rolled-back transaction leaves no gap.
     */
    long nextSeq(String id);

    /** Sets the time of the newest message, which orders conversation lists. */
    void recordActivity(String id, Instant at);

    void insertMember(Member member);

    void deleteMember(String conversationId, String userId);

    Optional<Member> findMember(String conversationId, String userId);

    /** Members in join order. */
    List<Member> listMembers(String conversationId);

    long countMembers(String conversationId);

    long countMembersWithRole(String conversationId, Role role);

    void updateRole(String conversationId, String userId, Role role);

    void updateSettings(String conversationId, String userId, MemberSettings settings);

    /** Moves the read marker forward to {@code seq}; returns false if it was already there or beyond. */
    boolean advanceReadSeq(String conversationId, String userId, long seq);

    /** Moves the delivered marker forward to {@code seq}; returns false if it was already there or beyond. */
    boolean advanceDeliveredSeq(String conversationId, String userId, long seq);

    /** Moves both the delivered and the read marker forward to {@code seq} (each stays if already there or beyond). */
    void advanceMarkers(String conversationId, String userId, long seq);

    /**
     * The user's conversations matching the filter, pinned first, then newest activity, then id
     * descending; starting after {@code after} (null for the first page), at most {@code limit}.
     * Unread count: messages by others, not deleted, with seq above the read marker. Mention
     * count: those of them that mention the user or @all.
     */
    List<ConversationSummary> listForUser(String userId, ConversationFilter filter, ConversationCursor after,
                                          int limit);
}
