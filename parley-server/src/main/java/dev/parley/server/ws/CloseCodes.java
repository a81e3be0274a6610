package dev.parley.server.ws;

import java.util.Map;

/**
 * The registry of WebSocket close codes; docs/protocol.md lists the same. The range tells a client
 * what to do: {@code 1001}, {@code 1011} and {@code 40xx} reconnect and resume, {@code 41xx}
 * re-authenticate first, {@code 44xx} stop.
 */
public final class CloseCodes {
    /** The client asked to close; stay closed. */
    public static final int NORMAL = 1000;
    /** The server is shutting down; reconnect with backoff and resume. */
    public static final int GOING_AWAY = 1001;
    /** A message above the transport's hard limit; fix the client, reconnect. */
    public static final int FRAME_TOO_LARGE = 1009;
    /** Something failed on the server; reconnect with backoff and resume. */
    public static final int SERVER_ERROR = 1011;
    /** The connection's outbound queue overflowed; reconnect now and resume. */
    public static final int SLOW_CONSUMER = 4000;
    /** Nothing (not even a pong) arrived within the ping timeout; reconnect with backoff and resume. */
    public static final int HEARTBEAT_TIMEOUT = 4001;
    /** The token expired without a refresh; get a fresh token, reconnect, resume. */
    public static final int TOKEN_EXPIRED = 4100;
    /** No valid {@code auth} within the authentication timeout; authenticate promptly next time. */
    public static final int AUTH_TIMEOUT = 4101;
    /** The credentials were refused; do not reconnect with the same ones. */
    public static final int UNAUTHENTICATED = 4401;
    /** The user may not connect; do not reconnect. */
    public static final int FORBIDDEN = 4403;

    private static final Map<Integer, String> NAMES = Map.of(
            NORMAL, "normal",
            GOING_AWAY, "going away",
            FRAME_TOO_LARGE, "frame too large",
            SERVER_ERROR, "server error",
            SLOW_CONSUMER, "slow consumer",
            HEARTBEAT_TIMEOUT, "heartbeat timeout",
            TOKEN_EXPIRED, "token expired",
            AUTH_TIMEOUT, "authentication timeout",
            UNAUTHENTICATED, "unauthenticated",
            FORBIDDEN, "forbidden");

    private CloseCodes() {
    }

    /** Every code with its name, as docs/protocol.md lists them. */
    public static Map<Integer, String> all() {
        return NAMES;
    }

    /** The name of a code, e.g. {@code slow consumer}; null for a code not in the registry. */
    public static String name(int code) {
        return NAMES.get(code);
    }
}
