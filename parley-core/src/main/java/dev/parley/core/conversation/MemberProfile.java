package dev.parley.core.conversation;

import dev.parley.core.user.User;

/** A member together with the user's public profile, for member lists. */
public record MemberProfile(Member member, User user) {
}
