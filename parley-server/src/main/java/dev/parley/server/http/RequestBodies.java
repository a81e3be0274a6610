package dev.parley.server.http;

import dev.parley.core.error.ParleyException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * Guards request bodies of the JSON API before any handler reads them: a body larger than the
 * limit gets 413 (read to its end first, up to {@link #DRAINED_UP_TO_BYTES}), a body that is not
 * {@code application/json} gets 415. Requests without a body pass. (Javalin's own limit on reading
 * the body catches chunked bodies that declare no length.)
 */
public final class RequestBodies {
    /**
     * A body over the limit but up to this size is read to its end, and dropped, before the 413:
     * answering while the client still sends, and closing, resets the connection, and the client
     * may then lose the answer. Larger bodies are not read; their connection is closed.
     */
    static final long DRAINED_UP_TO_BYTES = 16L * 1024 * 1024;

    private RequestBodies() {
    }

    /** Checks every matched request under {@code pathPattern}, e.g. {@code /api/v1/*}. */
    public static void register(RoutesConfig routes, String pathPattern, long maxBodyBytes) {
        routes.beforeMatched(pathPattern, ctx -> check(ctx, maxBodyBytes));
    }

    static void check(Context ctx, long maxBodyBytes) {
        long length = ctx.contentLength();
        boolean chunked = ctx.header("Transfer-Encoding") != null;
        if (length <= 0 && !chunked) return;
        if (length > maxBodyBytes) {
            if (length <= DRAINED_UP_TO_BYTES) discardBody(ctx);
            throw ParleyException.tooLarge("The request body is larger than " + maxBodyBytes + " bytes");
        }
        if (!isJson(ctx.contentType())) {
            throw ParleyException.unsupportedMediaType("Send the body as application/json");
        }
    }

    private static void discardBody(Context ctx) {
        try {
            ctx.req().getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException gone) {
            // The client stopped sending: the answer goes out if the connection still can carry it.
        }
    }

    static boolean isJson(String contentType) {
        if (contentType == null) return false;
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }
}
