package dev.parley.client.model;

import java.util.List;

/** A conversation with its members, its live message count and my membership (null for the platform). */
public record ConversationDetails(Conversation conversation, List<MemberProfile> members, long messageCount,
                                  Member me) {
}
