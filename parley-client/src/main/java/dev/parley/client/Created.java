package dev.parley.client;

/**
 * The answer of a call that creates something idempotently: the resource and whether this call
 * created it (201) or found it (200: an existing direct or course conversation, a retried send).
 */
public record Created<T>(T value, boolean created) {
}
