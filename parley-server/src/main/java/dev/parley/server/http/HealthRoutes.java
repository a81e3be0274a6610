package dev.parley.server.http;

import io.javalin.config.RoutesConfig;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Operations probes, without authentication: {@code /healthz} answers while the process serves
 * requests; {@code /readyz} answers 200 only while the database responds and the server is not
 * shutting down, else 503.
 */
public final class HealthRoutes {
    private HealthRoutes() {
    }

    public static void register(RoutesConfig routes, BooleanSupplier ready) {
        routes.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
        routes.get("/readyz", ctx -> {
            boolean isReady;
            try {
                isReady = ready.getAsBoolean();
            } catch (RuntimeException e) {
                isReady = false;
            }
            if (isReady) ctx.json(Map.of("status", "ready"));
            else ctx.status(503).json(Map.of("status", "unavailable"));
        });
    }
}
