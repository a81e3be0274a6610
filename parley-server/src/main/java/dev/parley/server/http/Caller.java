package dev.parley.server.http;

import dev.parley.core.access.Actor;
import dev.parley.core.error.ParleyException;
import io.javalin.http.Context;

/**
 * Who sent the current request, as the authentication filter found it: a user (with the
 * session of a built-in login, if any) or the platform (server API key).
 */
public final class Caller {
    static final String ACTOR = "parley.actor";
    static final String SESSION = "parley.session";

    private Caller() {
    }

    /** Called by the authentication filter once it has verified the credentials. */
    public static void set(Context ctx, Actor actor, String sessionId) {
        ctx.attribute(ACTOR, actor);
        if (sessionId != null) ctx.attribute(SESSION, sessionId);
    }

    /** The authenticated actor; 401 if the request carried no valid credentials. */
    public static Actor actor(Context ctx) {
        Actor actor = ctx.attribute(ACTOR);
        if (actor == null) throw ParleyException.unauthenticated("Sign in first: send Authorization: Bearer <token>");
        return actor;
    }

    /** The authenticated user's id; 401 without credentials, 403 for the platform key. */
    public static String userId(Context ctx) {
        return actor(ctx).requireUserId();
    }

    /** The session of a built-in login, or null (host-app token, platform key). */
    public static String sessionId(Context ctx) {
        return ctx.attribute(SESSION);
    }
}
