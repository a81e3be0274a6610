package dev.parley.client.model;

import java.time.Instant;

/** An earlier version of an edited message: the text it had until {@code replacedAt}. */
public record MessageEdit(String previousText, Instant replacedAt) {
}
