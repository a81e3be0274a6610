package dev.parley.core.message;

/**
 * A message as a page of history reads it from the store, with two facts kept on its row for the
 * views: whether it is pinned, and whether it has any reactions (they are then read with
 * {@code MessageStore.reactions}). A page whose messages have no reactions needs no query for them.
 */
public record StoredMessage(Message message, boolean pinned, boolean hasReactions) {
}
