package dev.parley.core.conversation;

import java.util.List;

/** A conversation with its members, its live message count and the caller's membership. */
public record ConversationDetails(
        Conversation conversation,
        List<MemberProfile> members,
        long messageCount,
        Member me) {
}
