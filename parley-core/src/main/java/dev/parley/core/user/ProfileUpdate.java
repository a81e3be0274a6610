package dev.parley.core.user;

/** A partial profile change: null fields stay as they are; an empty string clears a field. */
public record ProfileUpdate(String displayName, String avatarUrl, String statusText, String email) {
}
