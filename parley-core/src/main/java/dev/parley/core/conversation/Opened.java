package dev.parley.core.conversation;

/** A conversation and whether this call created it (false: it existed, as a direct or course one may). */
public record Opened(Conversation conversation, boolean created) {
}
