package dev.parley.server.http.dto;

import dev.parley.core.user.User;
import java.time.Instant;

/**
 * A user on the wire. The email is shown only to the user themself (and the platform); for
 * everyone else it is null.
 */
public record UserJson(
        String id,
        String username,
        String displayName,
        String email,
        String avatarUrl,
        String statusText,
        Instant createdAt) {

    public static UserJson of(User user, boolean withEmail) {
        return new UserJson(user.id(), user.username(), user.displayName(), withEmail ? user.email() : null,
                user.avatarUrl(), user.statusText(), user.createdAt());
    }
}
