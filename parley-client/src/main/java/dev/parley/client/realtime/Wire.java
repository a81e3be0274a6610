package dev.parley.client.realtime;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One open text-frame socket, as the client needs it. The production wire is the JDK's
 * {@link java.net.http.WebSocket} ({@link JdkWire}); tests plug in their own.
 */
interface Wire {
    /** Queues one text frame; frames go out in the order of the calls. Thread-safe; never blocks. */
    void send(String text);

    /**
     * Starts a close handshake with {@code code}; the future completes when the close frame went
     * out (or could not). The listener may hear {@link Listener#closed} later.
     */
    CompletableFuture<Void> close(int code, String reason);

    /** Drops the connection at once (no handshake); what the listener hears afterwards does not matter. */
    void abort();

    /** What a wire reports; called from the wire's own threads, one call at a time, in order. */
    interface Listener {
        /** One complete text frame. */
        void text(String frame);

        /** The socket closed with {@code code} ({@code 1006} when it broke without a close frame). */
        void closed(int code, String reason);
    }

    /** Opens wires. */
    interface Connector {
        /**
         * Opens a socket to {@code uri} with extra request headers; the future fails if the
         * connection or the upgrade fails.
         */
        CompletableFuture<Wire> open(URI uri, Map<String, String> headers, Listener listener);
    }
}
