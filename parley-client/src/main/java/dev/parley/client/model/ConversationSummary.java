package dev.parley.client.model;

/**
 * One row of "my conversations": the conversation, my membership, exact unread and mention
 * counts, the newest message (null if none) and, for a direct conversation, the other person.
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
