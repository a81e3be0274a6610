package dev.parley.server.ws;

import static dev.parley.server.ws.EventFrames.fields;

import dev.parley.core.error.ParleyException;
import dev.parley.core.error.Validation;
import dev.parley.server.auth.Authenticator;
import java.util.List;
import java.util.Map;

/** The connection's own operations: {@code auth}, {@code resume} and {@code ping}. */
final class SessionOps {
    private final Realtime hub;

    private SessionOps(Realtime hub) {
        this.hub = hub;
    }

    static void register(Operations operations, Realtime hub) {
        SessionOps ops = new SessionOps(hub);
        operations.add("auth", false, ops::auth)
                .add("resume", true, ops::resume)
                .add("ping", false, (connection, request) -> fields("at", hub.clock.instant()));
    }

    /**
     * Authenticates the connection or refreshes its token. A first {@code auth} that fails closes
     * the connection with 4401 after the error reply; a failed refresh keeps it (the earlier token
     * still counts until it expires).
     */
    private Object auth(Connection connection, FrameCodec.Request request) {
        WsRequests.Auth auth = Operations.data(request, WsRequests.Auth.class);
        new Validation().requireText(auth.token(), "token", 1, 16_384).throwIfInvalid();
        Authenticator.Bearer bearer;
        try {
            bearer = hub.authenticator.verifyBearer(auth.token());
        } catch (ParleyException e) {
            if (connection.identity() != null) throw e;
            connection.send(FrameCodec.error(request.id(), e), OutboundQueue.Kind.CONTENT);
            connection.closeAfterWrites(CloseCodes.UNAUTHENTICATED, "The token was refused");
            return Operations.REPLIED;
        }
        if (connection.authenticate(bearer)) hub.connected(connection, bearer.userId());
        return fields("userId", bearer.userId(), "expiresAt", bearer.expiresAt());
    }

    /** Replays what the client misses and makes the connection live; the reply is queued by the replay itself. */
    private Object resume(Connection connection, FrameCodec.Request request) {
        WsRequests.Resume resume = Operations.data(request, WsRequests.Resume.class);
        Validation v = new Validation();
        v.require(resume.conversations() != null, "conversations", "is required (an empty object on a first start)");
        Map<String, Long> named = resume.conversations() == null ? Map.of() : resume.conversations();
        named.forEach((conversationId, seq) -> {
            v.require(!conversationId.isEmpty() && conversationId.length() <= 64, "conversations",
                    "has a conversation id that is not 1-64 characters");
            v.require(seq != null && seq >= 0, "conversations." + conversationId, "must be a seq of at least 0");
        });
        v.throwIfInvalid();
        String userId = connection.userId();
        connection.delivery().resume(named, () -> hub.memberships.conversationsOf(userId),
                resumed -> FrameCodec.ok(request.id(), fields(
                        "tooFarBehind", resumed.tooFarBehind(),
                        "unknown", resumed.unknown(),
                        "removed", List.copyOf(resumed.removed()))));
        return Operations.REPLIED;
    }
}
