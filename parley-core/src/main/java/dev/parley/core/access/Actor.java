package dev.parley.core.access;

/**
 * Who is asking: a signed-in user, or the host application's back end with the server API key
 * (the platform), which manages course conversations and posts system messages and announcements.
 */
public sealed interface Actor {
    record Person(String userId) implements Actor {
    }

    record Platform() implements Actor {
    }

    Platform PLATFORM = new Platform();

    static Actor user(String userId) {
        return new Person(userId);
    }

    /** The user id of a person; 403 for the platform, for actions only a person can take. */
    default String requireUserId() {
        if (this instanceof Person(String userId)) return userId;
        throw dev.parley.core.error.ParleyException.forbidden("This action needs a user, not the platform key");
    }

    /** The user id of a person, null for the platform. */
    default String userIdOrNull() {
        return this instanceof Person(String userId) ? userId : null;
    }
}
