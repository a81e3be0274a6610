package dev.parley.server;

import dev.parley.server.api.ConversationRoutes;
import dev.parley.server.api.MemberRoutes;
import dev.parley.server.api.MessageRoutes;
import dev.parley.server.api.SearchRoutes;
import dev.parley.server.auth.AuthFilter;
import dev.parley.server.config.ParleyConfig;
import dev.parley.server.http.AccessLog;
import dev.parley.server.http.AuthRoutes;
import dev.parley.server.http.DocsRoutes;
import dev.parley.server.http.ErrorResponses;
import dev.parley.server.http.HealthRoutes;
import dev.parley.server.http.Json;
import dev.parley.server.http.PlatformRoutes;
import dev.parley.server.http.RequestBodies;
import dev.parley.server.http.RequestIds;
import dev.parley.server.http.UserRoutes;
import dev.parley.server.http.WebRoutes;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import java.util.function.BooleanSupplier;

/** Puts the REST API together on a Javalin config: plumbing first, then every feature's routes. */
final class RestWiring {
    private RestWiring() {
    }

    static void configure(JavalinConfig javalin, Backend backend, BooleanSupplier ready) {
        ParleyConfig config = backend.config();
        Services services = backend.services();
        javalin.startup.showJavalinBanner = false;
        javalin.startup.showOldJavalinVersionWarning = false;
        javalin.concurrency.useVirtualThreads = true;
        javalin.http.maxRequestSize = config.maxBodyBytes();
        javalin.router.ignoreTrailingSlashes = true;
        javalin.jsonMapper(new JavalinJackson(Json.MAPPER, true));
        AccessLog.register(javalin);
        ErrorResponses.registerFatal(javalin);

        var routes = javalin.routes;
        ErrorResponses.register(routes);
        RequestIds.register(routes);
        RequestBodies.register(routes, "/api/v1/*", config.maxBodyBytes());
        AuthFilter.register(routes, backend.authenticator());

        HealthRoutes.register(routes, ready);
        DocsRoutes.register(routes);
        WebRoutes.register(javalin);
        AuthRoutes.register(routes, services.accounts(), backend.tokens(), config.refreshTokenTtl(),
                config.registrationEnabled());
        UserRoutes.register(routes, services.accounts(), config.limits());
        PlatformRoutes.register(routes, services.accounts());
        ConversationRoutes.register(routes, services);
        MemberRoutes.register(routes, services);
        MessageRoutes.register(routes, services);
        SearchRoutes.register(routes, services);
    }
}
