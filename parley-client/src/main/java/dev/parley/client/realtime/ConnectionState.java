package dev.parley.client.realtime;

/** Where a {@link ParleyRealtime} client is in its connection's life. */
public enum ConnectionState {
    /** Built, {@link ParleyRealtime#connect()} not called yet. */
    NEW,
    /** Opening the socket. */
    CONNECTING,
    /** The socket is open; the {@code auth} frame is on its way. */
    AUTHENTICATING,
    /** Authenticated; the {@code resume} request is replaying missed events. */
    RESUMING,
    /** Resumed and receiving live events; conversations the server reported are still loading through REST. */
    SYNCING,
    /** Resumed, every conversation loaded, receiving live events. */
    LIVE,
    /** Disconnected, waiting to reconnect (backoff or a token renewal). */
    WAITING,
    /** Closed for good: by {@link ParleyRealtime#close()} or by a close code that says stop. */
    CLOSED;

    /** True while requests can be sent on the socket (after a successful resume). */
    public boolean usable() {
        return this == SYNCING || this == LIVE;
    }
}
