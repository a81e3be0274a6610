package dev.parley.core.search;

import dev.parley.core.message.Message;

/**
 * A found message with a snippet of its text in which the matched terms are wrapped in
 * {@code \u0002} and {@code \u0003} (start and end of a highlight), so transports can escape the
 * text and then mark the highlights safely. Higher {@code score} ranks first.
 */
public record SearchHit(Message message, String snippet, double score) {
    public static final char HIGHLIGHT_START = '\u0002';
    public static final char HIGHLIGHT_END = '\u0003';
}
