package dev.parley.server.api.dto;

import dev.parley.core.access.Permission;
import dev.parley.core.access.Permissions;
import dev.parley.core.conversation.ConversationSummary;
import dev.parley.server.http.dto.UserJson;

/**
 * One row of "my conversations". {@code lastMessage} is a preview: a deleted one is a tombstone,
 * and reactions, pin flag and delivery state are not filled in (fetch the message for those).
 */
public record SummaryJson(
        ConversationJson conversation,
        MemberJson me,
        long unreadCount,
        long mentionCount,
        MessageJson lastMessage,
        String lastMessageSenderName,
        UserJson directPeer) {

    public static SummaryJson of(ConversationSummary s) {
        boolean seesDeletedBy = Permissions.allows(s.conversation().kind(), s.me().role(), Permission.SEE_DELETED_BY);
        return new SummaryJson(ConversationJson.of(s.conversation()), MemberJson.of(s.me()), s.unreadCount(),
                s.mentionCount(),
                s.lastMessage() == null ? null : MessageJson.preview(s.lastMessage(), seesDeletedBy),
                s.lastMessageSenderName(),
                s.directPeer() == null ? null : UserJson.of(s.directPeer(), false));
    }
}
