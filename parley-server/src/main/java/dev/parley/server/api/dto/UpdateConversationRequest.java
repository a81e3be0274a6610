package dev.parley.server.api.dto;

/** {@code PATCH /conversations/{id}}: null leaves a field as it is, an empty string clears it (not the title). */
public record UpdateConversationRequest(String title, String description, String avatarUrl) {
}
