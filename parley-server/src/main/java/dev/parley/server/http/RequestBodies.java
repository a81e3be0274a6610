package dev.parley.server.http;

import dev.parley.core.error.ParleyException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;

/**
 * Guards request bodies of the JSON API before any handler reads them: a body larger than the
 * limit gets 413, a body that is not {@code application/json} gets 415. Requests without a body
 * pass. (Javalin's own limit on reading the body catches chunked bodies that declare no length.)
 */
public final class RequestBodies {
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
            throw ParleyException.tooLarge("The request body is larger than " + maxBodyBytes + " bytes");
        }
        if (!isJson(ctx.contentType())) {
            throw ParleyException.unsupportedMediaType("Send the body as application/json");
        }
    }

    static boolean isJson(String contentType) {
        if (contentType == null) return false;
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }
}
