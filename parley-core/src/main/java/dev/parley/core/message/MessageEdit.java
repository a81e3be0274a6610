package dev.parley.core.message;

import java.time.Instant;

/** One earlier version of an edited message: the text it had until {@code replacedAt}. */
public record MessageEdit(String messageId, String previousText, Instant replacedAt) {
}
