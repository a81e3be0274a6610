package dev.parley.bench.ceiling;

import dev.parley.server.ws.SocketMount;
import io.javalin.config.JavalinConfig;
import java.time.Duration;

/**
 * The ceiling's {@code /ws}: the frames of docs/protocol.md that the workloads use (see
 * {@link CeilingSocket}), mounted on Jetty's WebSocket API by {@link SocketMount} exactly as Parley's
 * {@code /ws} is, so both keep the same of an upgrade: nothing.
 */
final class CeilingSockets {
    private CeilingSockets() {
    }

    static void register(JavalinConfig config, CeilingState state) {
        SocketMount.mount(config, "/ws", limits -> {
            limits.setIdleTimeout(Duration.ofMinutes(10));
            limits.setMaxTextMessageSize(1 << 20); // Parley's hard frame limit
        }, request -> new CeilingSocket(state, CeilingState.userOf(request.getHeaders().get("Authorization"))));
    }
}
