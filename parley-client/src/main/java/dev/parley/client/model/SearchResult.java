package dev.parley.client.model;

/** A found message; {@code snippet} is HTML (text escaped, matches in {@code <mark>}). Higher score ranks first. */
public record SearchResult(Message message, String snippet, double score) {
}
