package dev.parley.core.conversation;

import dev.parley.core.event.ChatEvent.InitialMember;
import java.util.List;

/**
 * A request to create a group, course or announcement conversation. A person who creates one
 * becomes its owner; {@code members} may give others the roles admin, moderator or member.
 */
public record NewConversation(
        ConversationKind kind,
        String title,
        String description,
        String avatarUrl,
        String courseId,
        List<InitialMember> members) {

    public NewConversation {
        members = members == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(members));
    }
}
