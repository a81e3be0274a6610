package dev.parley.server.ws;

import static dev.parley.server.ws.EventFrames.fields;
import static dev.parley.server.ws.Operations.data;
import static dev.parley.server.ws.Operations.requireId;

import dev.parley.core.access.Actor;
import dev.parley.core.presence.PresenceUpdate;

/**
 * The ephemeral operations: focusing a conversation (to receive its typing events), typing marks
 * and presence. Changes are announced through the fan-out; nothing here is persisted.
 */
final class LiveOps {
    private final Realtime hub;

    private LiveOps(Realtime hub) {
        this.hub = hub;
    }

    static void register(Operations operations, Realtime hub) {
        LiveOps ops = new LiveOps(hub);
        operations.add("focus", true, ops::focus)
                .add("blur", true, ops::blur)
                .add("typing.start", true, (c, r) -> ops.typing(c, r, true))
                .add("typing.stop", true, (c, r) -> ops.typing(c, r, false))
                .add("presence.set", true, ops::setPresence)
                .add("presence.get", true, ops::getPresence);
    }

    /** Follows a conversation's typing; answers its current typers. 404 for a conversation the user cannot see. */
    private Object focus(Connection connection, FrameCodec.Request request) {
        String conversationId = conversationId(request);
        var typers = hub.typing.typers(actor(connection), conversationId);
        connection.focus(conversationId);
        return fields("typing", typers);
    }

    private Object blur(Connection connection, FrameCodec.Request request) {
        String conversationId = conversationId(request);
        hub.typing.typers(actor(connection), conversationId);
        connection.blur(conversationId);
        return fields();
    }

    private Object typing(Connection connection, FrameCodec.Request request, boolean start) {
        String conversationId = conversationId(request);
        var change = start ? hub.typing.start(actor(connection), conversationId)
                : hub.typing.stop(actor(connection), conversationId);
        change.ifPresent(hub.fanOut::typing);
        return fields();
    }

    private Object setPresence(Connection connection, FrameCodec.Request request) {
        WsRequests.PresenceSet set = data(request, WsRequests.PresenceSet.class);
        PresenceUpdate update = hub.presence.set(connection.userId(), set.status(), set.statusText(),
                set.statusExpiresAt());
        if (update.changed()) hub.fanOut.presence(update.presence());
        return fields("presence", EventFrames.presenceJson(update.presence()));
    }

    private Object getPresence(Connection connection, FrameCodec.Request request) {
        WsRequests.PresenceGet get = data(request, WsRequests.PresenceGet.class);
        var items = hub.presence.get(connection.userId(), get.userIds()).stream().map(EventFrames::presenceJson).toList();
        return fields("items", items);
    }

    private static String conversationId(FrameCodec.Request request) {
        return requireId(data(request, WsRequests.ConversationRef.class).conversationId(), "conversationId");
    }

    private static Actor actor(Connection connection) {
        return Actor.user(connection.userId());
    }
}
