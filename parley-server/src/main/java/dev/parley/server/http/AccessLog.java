package dev.parley.server.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request on the logger {@code parley.access}, with structured fields method,
 * path, status, ms and requestId (key-value pairs: fields of their own in JSON logs).
 */
public final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("parley.access");

    private AccessLog() {
    }

    public static void register(JavalinConfig config) {
        config.requestLogger.http(AccessLog::log);
    }

    private static void log(Context ctx, Float millis) {
        try {
            long ms = millis == null ? 0 : Math.round(millis);
            LOG.atInfo()
                    .addKeyValue("method", ctx.method().name())
                    .addKeyValue("path", ctx.path())
                    .addKeyValue("status", ctx.statusCode())
                    .addKeyValue("ms", ms)
                    .addKeyValue("requestId", RequestIds.of(ctx))
                    .log("{} {} {} {}ms", ctx.method().name(), ctx.path(), ctx.statusCode(), ms);
        } finally {
            RequestIds.clearLoggingContext();
        }
    }
}
