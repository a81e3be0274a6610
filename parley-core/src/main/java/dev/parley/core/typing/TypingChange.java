package dev.parley.core.typing;

import java.util.List;

/** The full set of a conversation's typers after a change, in the order they started typing. */
public record TypingChange(String conversationId, List<String> userIds) {
    public TypingChange {
        userIds = List.copyOf(userIds);
    }
}
