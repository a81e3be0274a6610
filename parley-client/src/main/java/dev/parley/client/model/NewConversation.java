package dev.parley.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A group, course or announcement conversation to create. The creator becomes its owner;
 * {@code courseId} is required for a course conversation and refused for the other kinds.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewConversation(
        ConversationKind kind,
        String title,
        String description,
        String avatarUrl,
        String courseId,
        List<NewMember> members) {

    public static NewConversation group(String title, NewMember... members) {
        return new NewConversation(ConversationKind.GROUP, title, null, null, null, List.of(members));
    }

    public static NewConversation announcement(String title, NewMember... members) {
        return new NewConversation(ConversationKind.ANNOUNCEMENT, title, null, null, null, List.of(members));
    }

    public static NewConversation course(String courseId, String title, NewMember... members) {
        return new NewConversation(ConversationKind.COURSE, title, null, null, courseId, List.of(members));
    }

    public NewConversation withDescription(String description) {
        return new NewConversation(kind, title, description, avatarUrl, courseId, members);
    }

    public NewConversation withAvatarUrl(String avatarUrl) {
        return new NewConversation(kind, title, description, avatarUrl, courseId, members);
    }
}
