package dev.parley.server.ws;

import dev.parley.core.error.ParleyException;
import dev.parley.server.auth.Authenticator;
import dev.parley.server.config.RealtimeSettings;
import io.javalin.config.JavalinConfig;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.http.HttpHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the protocol on {@code GET /ws}, on Jetty's WebSocket API through {@link SocketMount} (not
 * Javalin's WebSocket routes: see ADR 0006): the transport's hard message limit is 1 MiB (above it
 * Jetty closes with 1009), its idle timeout is twice the ping timeout (the heartbeat decides first).
 * Each socket's {@link Connection} is its listener. The upgrade request's bearer header is taken
 * during the upgrade and checked on a virtual thread once the socket is open; every request runs on
 * a virtual thread, so a socket's reader never waits for the store.
 */
public final class WsEndpoint {
    public static final String PATH = "/ws";
    private static final Logger LOG = LoggerFactory.getLogger(WsEndpoint.class);

    private WsEndpoint() {
    }

    public static void register(JavalinConfig javalin, Realtime hub) {
        RealtimeSettings settings = hub.settings;
        SocketMount.mount(javalin, PATH, limits -> {
            limits.setMaxTextMessageSize(RealtimeSettings.HARD_FRAME_LIMIT_BYTES);
            limits.setMaxBinaryMessageSize(RealtimeSettings.HARD_FRAME_LIMIT_BYTES);
            limits.setIdleTimeout(settings.pingTimeout().multipliedBy(2).plus(Duration.ofSeconds(1)));
        }, request -> new Connection(hub, request.getHeaders().get(HttpHeader.AUTHORIZATION)));
    }

    /**
     * Checks the upgrade request's bearer token; a refused one closes the connection with 4401.
     * Completes {@code check} either way, then the connection forgets it.
     */
    static void authenticate(Connection connection, String authorization, Realtime hub,
                             CompletableFuture<Void> check) {
        try {
            String[] parts = authorization.strip().split("\\s+", 2);
            if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
                throw ParleyException.unauthenticated("The Authorization header must be: Bearer <token>");
            }
            Authenticator.Bearer bearer = hub.authenticator.verifyBearer(parts[1]);
            if (connection.authenticate(bearer)) hub.connected(connection, bearer.userId());
            check.complete(null);
        } catch (ParleyException e) {
            connection.close(CloseCodes.UNAUTHENTICATED, truncate(e.getMessage()));
            check.completeExceptionally(e);
        } catch (RuntimeException e) {
            LOG.error("Checking the bearer token of connection {} failed", connection.id, e);
            connection.close(CloseCodes.SERVER_ERROR, "Authentication failed on our side");
            check.completeExceptionally(e);
        } finally {
            connection.headerAuthenticationDone();
        }
    }

    /** A close reason is at most 123 bytes of UTF-8. */
    static String truncate(String reason) {
        if (reason == null) return "";
        String text = reason;
        while (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 123) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }
}
