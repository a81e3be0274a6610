package dev.parley.server.http;

import dev.parley.core.error.ParleyException;
import io.javalin.http.Context;

/** Query parameters with 400s for malformed values. */
public final class Params {
    private Params() {
    }

    /** An optional integer query parameter; null when absent or empty, 400 when not a number. */
    public static Integer optionalInt(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return null;
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw ParleyException.invalid(name, "must be a whole number");
        }
    }

    /** An optional text query parameter; null when absent or blank. */
    public static String optionalText(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        return raw == null || raw.isBlank() ? null : raw.strip();
    }
}
