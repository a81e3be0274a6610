package dev.parley.server.http;

import dev.parley.core.error.ParleyException;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The API's documentation, without authentication: {@code GET /api/openapi.yaml} serves the
 * OpenAPI document bundled on the class path and {@code GET /api/docs} a self-contained page
 * that fetches and renders it (no external scripts).
 */
public final class DocsRoutes {
    public static final String OPENAPI_RESOURCE = "openapi.yaml";
    private static final String PAGE_RESOURCE = "/dev/parley/server/http/api-docs.html";

    private DocsRoutes() {
    }

    public static void register(RoutesConfig routes) {
        register(routes, OPENAPI_RESOURCE);
    }

    /** Serves {@code openApiResource} (a class path resource name) as the document. */
    public static void register(RoutesConfig routes, String openApiResource) {
        byte[] page = read(PAGE_RESOURCE);
        routes.get("/api/docs", ctx -> ctx.contentType("text/html; charset=utf-8")
                .header("Content-Security-Policy", "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'")
                .result(page));
        routes.get("/api/openapi.yaml", ctx -> {
            byte[] document = read("/" + openApiResource);
            if (document == null) throw ParleyException.notFound("The OpenAPI document");
            ctx.contentType("application/yaml; charset=utf-8").result(document);
        });
    }

    private static byte[] read(String resource) {
        try (InputStream in = DocsRoutes.class.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
