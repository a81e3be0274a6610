package dev.parley.core.port;

import dev.parley.core.receipt.UnreadCount;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Read-only lookups over memberships that the real-time transport needs in one statement each:
 * a user's conversations with their positions (to resume), who shares a conversation with whom
 * (who may see whose presence) and one conversation's unread counts (to update badges).
 * Thread-safe; joins the caller's transaction when there is one, else reads on its own.
 */
public interface MembershipIndex {
    /**
     * Every conversation {@code userId} is a member of, archived and hidden ones included, with
     * the conversation's last seq. Empty for an unknown user.
     */
    Map<String, Long> conversationsOf(String userId);

    /**
     * Those of {@code userIds} that share at least one conversation with {@code userId}. The
     * user counts as sharing with themself when they belong to any conversation. Unknown ids are
     * left out; an empty collection gives an empty set.
     */
    Set<String> sharingAConversation(String userId, Collection<String> userIds);

    /**
     * The user's unread and mention counts in one conversation, counted exactly as
     * {@link ConversationStore#listForUser} counts them; empty if the user is not a member.
     */
    Optional<UnreadCount> unread(String userId, String conversationId);
}
