package dev.parley.core.user;

import java.time.Instant;

/**
 * A person who chats. {@code username} is unique (case-insensitive) and is the login name of a
 * built-in account; {@code externalId} is the subject of a host application's token for
 * users provisioned from a host-app JWT (null for built-in accounts).
 */
public record User(
        String id,
        String username,
        String displayName,
        String email,
        String avatarUrl,
        String statusText,
        String externalId,
        Instant createdAt) {

    public User withProfile(String displayName, String avatarUrl, String statusText) {
        return new User(id, username, displayName, email, avatarUrl, statusText, externalId, createdAt);
    }

    public User withEmail(String email) {
        return new User(id, username, displayName, email, avatarUrl, statusText, externalId, createdAt);
    }
}
