package dev.parley.client.realtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Wire} on {@link java.net.http.WebSocket}: joins the parts of a text frame, refuses
 * frames above a size limit (the socket is aborted and reported as {@code 1009}), chains sends so
 * that only one is outstanding at a time (the JDK's rule), answers the server's pings (the JDK does)
 * and reports a broken connection as {@code 1006}.
 */
final class JdkWire implements Wire {
    static final int ABNORMAL = 1006;
    static final int TOO_LARGE = 1009;

    private final WebSocket socket;
    private final Object sendLock = new Object();
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

    private JdkWire(WebSocket socket) {
        this.socket = socket;
    }

    /** A connector that opens JDK WebSockets with {@code http}, failing the handshake after {@code connectTimeout}. */
    static Connector connector(HttpClient http, Duration connectTimeout, int maxFrameChars) {
        return (uri, headers, listener) -> {
            WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(connectTimeout);
            headers.forEach(builder::header);
            Adapter adapter = new Adapter(listener, maxFrameChars);
            return builder.buildAsync(uri, adapter).thenApply(JdkWire::new);
        };
    }

    @Override
    public void send(String text) {
        synchronized (sendLock) {
            lastSend = lastSend.handle((ok, error) -> null)
                    .thenCompose(ignored -> socket.isOutputClosed() ? CompletableFuture.completedFuture(null)
                            : socket.sendText(text, true));
        }
    }

    @Override
    public CompletableFuture<Void> close(int code, String reason) {
        synchronized (sendLock) {
            lastSend = lastSend.handle((ok, error) -> null).thenCompose(ignored -> socket.isOutputClosed()
                    ? CompletableFuture.completedFuture(null) : socket.sendClose(code, reason == null ? "" : reason));
            return lastSend.handle((ok, error) -> null);
        }
    }

    @Override
    public void abort() {
        socket.abort();
    }

    /** Turns the JDK's callbacks into whole frames and one close report. */
    private static final class Adapter implements WebSocket.Listener {
        private final Listener listener;
        private final int maxFrameChars;
        private final StringBuilder frame = new StringBuilder();
        private final AtomicBoolean reported = new AtomicBoolean();

        Adapter(Listener listener, int maxFrameChars) {
            this.listener = listener;
            this.maxFrameChars = maxFrameChars;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (frame.length() + data.length() > maxFrameChars) {
                webSocket.abort();
                report(TOO_LARGE, "a frame from the server is larger than " + maxFrameChars + " characters");
                return null;
            }
            frame.append(data);
            if (last) {
                String text = frame.toString();
                frame.setLength(0);
                listener.text(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1); // the protocol has no binary frames; skip them
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            webSocket.request(1); // the JDK answers with a pong
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            report(statusCode, reason);
            if (!webSocket.isOutputClosed()) {
                return webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "").handle((ok, error) -> null);
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            report(ABNORMAL, String.valueOf(error.getMessage()));
        }

        private void report(int code, String reason) {
            if (reported.compareAndSet(false, true)) listener.closed(code, reason);
        }
    }

    /** For a connector's users: the socket URI of a server's base URL ({@code http→ws}, {@code https→wss}, {@code /ws}). */
    static URI socketUri(URI base) {
        String scheme = switch (base.getScheme()) {
            case "https", "wss" -> "wss";
            default -> "ws";
        };
        String path = base.getPath() == null ? "" : base.getPath();
        if (path.endsWith("/")) path = path.substring(0, path.length() - 1);
        return URI.create(scheme + "://" + base.getRawAuthority() + path + "/ws");
    }
}
