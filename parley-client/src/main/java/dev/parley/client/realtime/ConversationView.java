package dev.parley.client.realtime;

import dev.parley.client.model.Conversation;
import dev.parley.client.model.MemberSettings;
import dev.parley.client.model.Role;
import java.util.Set;

/**
 * A snapshot of one conversation in the {@link ChatStore}: the conversation (title, archived, last
 * activity…), the {@code seq} of the last event applied, my read and delivered markers, my exact
 * unread and mention counts (the server's rule: messages by others, not deleted, above my read
 * marker; mentions are those that mention me or everyone), my role and settings, and who is
 * typing (known only while I {@link ParleyRealtime#focus focus} it).
 */
public record ConversationView(
        Conversation conversation,
        long lastSeq,
        long readSeq,
        long deliveredSeq,
        long unreadCount,
        long mentionCount,
        Role role,
        MemberSettings settings,
        Set<String> typing) {

    public String id() {
        return conversation.id();
    }
}
