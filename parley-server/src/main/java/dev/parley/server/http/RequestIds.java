package dev.parley.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} if it is a short token, else a new
 * random one. It is echoed in the response header, put in the logging context as
 * {@code requestId} and named in 500 answers.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final String ATTRIBUTE = "parley.requestId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {
    }

    public static void register(RoutesConfig routes) {
        routes.before(ctx -> {
            String given = ctx.header(HEADER);
            String id = given != null && ACCEPTED.matcher(given).matches() ? given : newId();
            ctx.attribute(ATTRIBUTE, id);
            ctx.header(HEADER, id);
            MDC.put(MDC_KEY, id);
        });
    }

    /** The current request's id. */
    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "-" : id;
    }

    static void clearLoggingContext() {
        MDC.remove(MDC_KEY);
    }

    private static String newId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
