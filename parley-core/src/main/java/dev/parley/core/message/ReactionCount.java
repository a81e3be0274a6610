package dev.parley.core.message;

import java.util.List;

/** How many people reacted with one emoji to a message, who (first few), and whether I did. */
public record ReactionCount(String emoji, int count, boolean me, List<String> userIds) {
}
