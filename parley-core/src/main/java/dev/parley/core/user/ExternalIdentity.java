package dev.parley.core.user;

/** The claims of a host application's token that identify and describe a user. */
public record ExternalIdentity(String subject, String name, String email, String avatarUrl) {
}
