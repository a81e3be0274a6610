package dev.parley.store.search;

/**
 * One search result: the message id, a snippet of its text with matched terms wrapped in
 * {@code SearchHit.HIGHLIGHT_START} / {@code HIGHLIGHT_END}, and a score (higher is better).
 */
public record SearchMatch(String messageId, String snippet, double score) {
}
