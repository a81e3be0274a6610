package dev.parley.server.api.dto;

/** {@code POST /messages/{id}/forward}: the target conversation and the idempotency key of the copy. */
public record ForwardRequest(String conversationId, String clientMessageId) {
}
