package dev.parley.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorShapesTest {
    @TempDir
    static Path dataDir;
    static TestServer server;
    static Api api;
    static String token;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config(dataDir, Map.of("PARLEY_RATE_LIMITS", "login=2/60s")),
                javalin -> javalin.routes.get("/test/boom", ctx -> {
                    throw new IllegalStateException("secret internals");
                }));
        api = server.api;
        token = api.register("shape", "shapes-password").path("accessToken").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anUnknownFieldIs400NamingTheField() {
        Api.Reply reply = api.patch("/api/v1/users/me", token, Map.of("displayName", "x", "nickname", "y"));
        assertThat(reply.status()).isEqualTo(400);
        JsonNode error = reply.json().path("error");
        assertThat(error.path("code").asText()).isEqualTo("validation_failed");
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.path("details").get(0).path("field").asText()).isEqualTo("nickname");
        assertThat(error.path("details").get(0).path("message").asText()).isNotBlank();
        assertThat(api.get("/api/v1/users/me", token).json().path("displayName").asText()).isEqualTo("User shape");
    }

    @Test
    void aNumberWhereTextBelongsIs400NamingTheFieldAndChangesNothing() {
        for (Object wrong : new Object[] {42, 4.2, true}) {
            Api.Reply reply = api.patch("/api/v1/users/me", token, Map.of("displayName", wrong));
            assertThat(reply.status()).as("displayName %s", wrong).isEqualTo(400);
            assertThat(reply.json().path("error").path("details").get(0).path("field").asText()).isEqualTo("displayName");
        }
        assertThat(api.get("/api/v1/users/me", token).json().path("displayName").asText()).isEqualTo("User shape");
    }

    @Test
    void malformedJsonIs400() {
        Api.Reply reply = api.patch("/api/v1/users/me", token, "{\"displayName\":");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("validation_failed");
    }

    @Test
    void missingCredentialsAre401WithTheErrorShape() {
        Api.Reply reply = api.get("/api/v1/users/me", null);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("unauthenticated");
        assertThat(reply.json().path("error").path("details").isArray()).isTrue();
        assertThat(reply.json().path("error").path("details")).isEmpty();
    }

    @Test
    void unknownRoutesAre404EvenWithoutCredentials() {
        for (String path : new String[] {"/nope", "/api/v1/nope", "/api/v2/users/me"}) {
            Api.Reply reply = api.get(path, null);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.errorCode()).isEqualTo("not_found");
            assertThat(reply.header("Content-Type")).get().asString().startsWith("application/json");
        }
    }

    @Test
    void aMethodAPathDoesNotHaveIsAnUnknownRoute() {
        Api.Reply reply = api.send("DELETE", "/api/v1/auth/login", null, null, Map.of());
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("not_found");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String big = "{\"displayName\":\"" + "x".repeat(5000) + "\"}";
        Api.Reply reply = api.patch("/api/v1/users/me", token, big);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.errorCode()).isEqualTo("payload_too_large");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413Too() throws Exception {
        byte[] big = ("{\"displayName\":\"" + "x".repeat(5000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/api/v1/users/me"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big)))
                .build();
        var response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(Api.MAPPER.readTree(response.body()).path("error").path("code").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        Api.Reply reply = api.send("PATCH", "/api/v1/users/me", token, "displayName=x",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.errorCode()).isEqualTo("unsupported_media_type");
        Api.Reply withCharset = api.send("PATCH", "/api/v1/users/me", token, "{\"statusText\":\"hi\"}",
                Map.of("Content-Type", "application/json; charset=utf-8"));
        assertThat(withCharset.status()).isEqualTo(200);
    }

    @Test
    void tooManyLoginsAre429WithRetryAfter() {
        api.register("hammer", "hammers-password");
        Map<String, String> wrong = Map.of("username", "hammer", "password", "wrong-password");
        assertThat(api.post("/api/v1/auth/login", null, wrong).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/login", null, wrong).status()).isEqualTo(401);
        Api.Reply limited = api.post("/api/v1/auth/login", null, wrong);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.errorCode()).isEqualTo("rate_limited");
        assertThat(limited.header("Retry-After")).get().satisfies(v ->
                assertThat(Integer.parseInt(v)).isBetween(1, 30));
    }

    @Test
    void anUnexpectedFailureIs500WithoutInternals() {
        Api.Reply reply = api.send("GET", "/test/boom", null, null, Map.of("X-Request-Id", "boom-1"));
        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.errorCode()).isEqualTo("internal");
        assertThat(reply.json().path("error").path("message").asText()).contains("boom-1");
        assertThat(reply.body()).doesNotContain("secret internals", "IllegalStateException", "at dev.");
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUp() {
        assertThat(ErrorResponses.retryAfterSeconds(java.time.Duration.ofMillis(1))).isEqualTo(1);
        assertThat(ErrorResponses.retryAfterSeconds(java.time.Duration.ofMillis(1000))).isEqualTo(1);
        assertThat(ErrorResponses.retryAfterSeconds(java.time.Duration.ofMillis(1001))).isEqualTo(2);
        assertThat(ErrorResponses.retryAfterSeconds(java.time.Duration.ofSeconds(59).plusNanos(1))).isEqualTo(60);
        assertThat(ErrorResponses.retryAfterSeconds(java.time.Duration.ZERO)).isEqualTo(1);
    }

    @Test
    void everyResponseCarriesARequestId() {
        Api.Reply generated = api.get("/healthz", null);
        assertThat(generated.header("X-Request-Id")).get().asString().matches("[0-9a-f]{24}");
        Api.Reply echoed = api.send("GET", "/api/v1/users/me", token, null, Map.of("X-Request-Id", "trace-42"));
        assertThat(echoed.header("X-Request-Id")).contains("trace-42");
        Api.Reply unsafe = api.send("GET", "/healthz", null, null, Map.of("X-Request-Id", "<script>"));
        assertThat(unsafe.header("X-Request-Id")).get().asString().matches("[0-9a-f]{24}");
    }

    @Test
    void healthAndReadiness() {
        Api.Reply health = api.get("/healthz", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("ok");
        Api.Reply ready = api.get("/readyz", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().path("status").asText()).isEqualTo("ready");
    }

    @Test
    void theDocsPageIsSelfContained() {
        Api.Reply page = api.get("/api/docs", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).get().asString().startsWith("text/html");
        assertThat(page.body()).contains("/api/openapi.yaml", "parseYaml").doesNotContain("<script src", "cdn");
    }
}
