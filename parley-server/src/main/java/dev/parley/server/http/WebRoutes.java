package dev.parley.server.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/**
 * The browser files, without authentication: the class path folder {@code dev/parley/web} (the
 * parley-web module: the JavaScript SDK, the web client) is served at {@code /}, so the SDK is
 * {@code /sdk/parley.js}. Static files are looked up only when no route matched, so they never
 * pass the {@code /api/v1} filters and never shadow an API route. Every response names its
 * content type with a charset ({@code text/javascript; charset=utf-8} for modules), forbids
 * sniffing, and asks browsers to revalidate so a new server version is picked up at once.
 */
public final class WebRoutes {
    /** The class path folder of parley-web's files. */
    public static final String WEB_FOLDER = "/dev/parley/web";

    private static final Map<String, String> HEADERS = Map.of(
            "Cache-Control", "no-cache",
            "X-Content-Type-Options", "nosniff");

    private WebRoutes() {
    }

    public static void register(JavalinConfig javalin) {
        register(javalin, "/", WEB_FOLDER);
    }

    /** Serves the class path folder {@code folder} at {@code hostedPath} (tests add their own pages this way). */
    public static void register(JavalinConfig javalin, String hostedPath, String folder) {
        javalin.staticFiles.add(files -> {
            files.hostedPath = hostedPath;
            files.directory = folder;
            files.location = Location.CLASSPATH;
            files.headers = HEADERS;
            files.mimeTypes.add("text/javascript; charset=utf-8", "js", "mjs");
            files.mimeTypes.add("text/html; charset=utf-8", "html");
            files.mimeTypes.add("text/css; charset=utf-8", "css");
            files.mimeTypes.add("application/json", "json", "map");
            files.mimeTypes.add("application/manifest+json", "webmanifest");
            files.mimeTypes.add("image/svg+xml", "svg");
        });
    }
}
