package dev.parley.server.api.dto;

/** {@code POST /conversations/direct}: the other person. */
public record OpenDirectRequest(String userId) {
}
