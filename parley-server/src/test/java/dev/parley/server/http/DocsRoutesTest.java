package dev.parley.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocsRoutesTest {
    @Test
    void theBundledDocumentIsServedAsYaml() {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            ErrorResponses.register(config.routes);
            DocsRoutes.register(config.routes, "openapi-sample.yaml");
        }).start("127.0.0.1", 0);
        try {
            Api api = new Api("http://127.0.0.1:" + app.port());
            Api.Reply yaml = api.get("/api/openapi.yaml", null);
            assertThat(yaml.status()).isEqualTo(200);
            assertThat(yaml.header("Content-Type")).get().asString().startsWith("application/yaml");
            assertThat(yaml.body()).startsWith("openapi: 3.1.0").contains("title: Sample");
        } finally {
            app.stop();
        }
    }

    @Test
    void aMissingDocumentIs404() {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            ErrorResponses.register(config.routes);
            DocsRoutes.register(config.routes, "no-such-document.yaml");
        }).start("127.0.0.1", 0);
        try {
            Api.Reply reply = new Api("http://127.0.0.1:" + app.port()).send("GET", "/api/openapi.yaml", null, null, Map.of());
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.errorCode()).isEqualTo("not_found");
        } finally {
            app.stop();
        }
    }
}
