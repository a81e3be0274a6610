package dev.parley.core;

/** Size bounds of the domain; every one is configurable and documented in the README. */
public record Limits(
        int maxTextLength,
        int maxTitleLength,
        int maxDescriptionLength,
        int maxAttachments,
        int maxMentions,
        int maxMembersPerRequest,
        int maxMembersPerConversation,
        int defaultPageSize,
        int maxPageSize) {

    public static final Limits DEFAULTS = new Limits(10_000, 200, 2_000, 10, 100, 100, 10_000, 50, 100);
}
