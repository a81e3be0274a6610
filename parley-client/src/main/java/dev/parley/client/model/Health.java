package dev.parley.client.model;

/** The answer of the health and readiness probes: {@code ok}, {@code ready} or why not. */
public record Health(String status) {
}
