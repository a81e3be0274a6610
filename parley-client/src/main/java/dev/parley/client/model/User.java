package dev.parley.client.model;

import java.time.Instant;

/** A person who chats. {@code email} is set only in one's own profile. */
public record User(
        String id,
        String username,
        String displayName,
        String email,
        String avatarUrl,
        String statusText,
        Instant createdAt) {
}
