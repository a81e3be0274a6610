package dev.parley.core.conversation;

import dev.parley.core.message.Message;
import dev.parley.core.user.User;

/**
 * One row of "my conversations": the conversation, my membership (settings and markers), the
 * exact unread and mention counts, and the newest message with its sender's display name
 * (both null in a conversation without messages), and for a direct conversation the other person.
 */
public record ConversationSummary(
        Conversation conversation,
        Member me,
        long unreadCount,
        long mentionCount,
        Message lastMessage,
        String lastMessageSenderName,
        User directPeer) {
}
