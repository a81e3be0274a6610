package dev.parley.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthRoutesTest {
    @TempDir
    static Path dataDir;
    static TestServer server;
    static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        api = server.api;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void registerAnswersTheUserAndAPairOfTokens() {
        Api.Reply reply = api.post("/api/v1/auth/register", null,
                Map.of("username", "Ada", "password", "correct horse", "displayName", "Ada L.", "email", "ada@example.org"));
        assertThat(reply.status()).isEqualTo(201);
        JsonNode body = reply.json();
        assertThat(body.path("user").path("id").asText()).startsWith("u_");
        assertThat(body.path("user").path("username").asText()).isEqualTo("ada");
        assertThat(body.path("user").path("displayName").asText()).isEqualTo("Ada L.");
        assertThat(body.path("user").path("email").asText()).isEqualTo("ada@example.org");
        assertThat(body.path("user").has("avatarUrl")).isTrue();
        assertThat(body.path("user").path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(body.path("accessToken").asText()).contains(".");
        assertThat(body.path("refreshToken").asText()).hasSize(43);
        assertThat(body.path("expiresIn").asLong()).isEqualTo(900);
        assertThat(body.path("sessionId").asText()).startsWith("s_");

        Api.Reply me = api.get("/api/v1/users/me", body.path("accessToken").asText());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("username").asText()).isEqualTo("ada");
    }

    @Test
    void registerRefusesBadInputAndTakenNames() {
        Api.Reply bad = api.post("/api/v1/auth/register", null, Map.of("username", "x", "password", "short"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("validation_failed");
        assertThat(bad.json().path("error").path("details").findValuesAsText("field")).contains("username", "password");

        api.register("taken", "password-1");
        Api.Reply again = api.post("/api/v1/auth/register", null, Map.of("username", "TAKEN", "password", "password-2"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("conflict");
    }

    @Test
    void loginChecksThePassword() {
        api.register("bob", "bobs-password");
        Api.Reply ok = api.post("/api/v1/auth/login", null, Map.of("username", "bob", "password", "bobs-password"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().path("user").path("username").asText()).isEqualTo("bob");
        assertThat(api.get("/api/v1/users/me", ok.json().path("accessToken").asText()).status()).isEqualTo(200);

        Api.Reply wrong = api.post("/api/v1/auth/login", null, Map.of("username", "bob", "password", "nope-nope"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.errorCode()).isEqualTo("unauthenticated");
        Api.Reply unknown = api.post("/api/v1/auth/login", null, Map.of("username", "nobody", "password", "nope-nope"));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().path("error").path("message").asText())
                .isEqualTo(wrong.json().path("error").path("message").asText());
        Api.Reply missing = api.post("/api/v1/auth/login", null, Map.of("username", "bob"));
        assertThat(missing.status()).isEqualTo(400);
    }

    @Test
    void refreshRotatesTheRefreshToken() {
        JsonNode first = api.register("carol", "carols-password");
        String oldRefresh = first.path("refreshToken").asText();
        Api.Reply refreshed = api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", oldRefresh));
        assertThat(refreshed.status()).isEqualTo(200);
        JsonNode body = refreshed.json();
        assertThat(body.path("sessionId").asText()).isEqualTo(first.path("sessionId").asText());
        assertThat(body.path("refreshToken").asText()).isNotEqualTo(oldRefresh);
        assertThat(body.path("user").path("username").asText()).isEqualTo("carol");
        assertThat(api.get("/api/v1/users/me", body.path("accessToken").asText()).status()).isEqualTo(200);

        Api.Reply reused = api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", oldRefresh));
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.errorCode()).isEqualTo("unauthenticated");
        assertThat(api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", body.path("refreshToken").asText()))
                .status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/refresh", null, Map.of()).status()).isEqualTo(400);
    }

    @Test
    void logoutEndsTheSession() {
        JsonNode tokens = api.register("dave", "daves-password");
        String access = tokens.path("accessToken").asText();
        assertThat(api.post("/api/v1/auth/logout", access, null).status()).isEqualTo(204);
        Api.Reply after = api.get("/api/v1/users/me", access);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.errorCode()).isEqualTo("unauthenticated");
        assertThat(api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", tokens.path("refreshToken").asText()))
                .status()).isEqualTo(401);
    }

    @Test
    void changingThePasswordEndsTheOtherSessions() {
        JsonNode first = api.register("erin", "erins-password");
        JsonNode second = api.post("/api/v1/auth/login", null, Map.of("username", "erin", "password", "erins-password")).json();
        String current = first.path("accessToken").asText();

        Api.Reply wrongCurrent = api.post("/api/v1/auth/password", current,
                Map.of("currentPassword", "not-it-at-all", "newPassword", "erins-new-password"));
        assertThat(wrongCurrent.status()).isEqualTo(400);

        Api.Reply changed = api.post("/api/v1/auth/password", current,
                Map.of("currentPassword", "erins-password", "newPassword", "erins-new-password"));
        assertThat(changed.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/users/me", current).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/users/me", second.path("accessToken").asText()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/login", null, Map.of("username", "erin", "password", "erins-password"))
                .status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/login", null, Map.of("username", "erin", "password", "erins-new-password"))
                .status()).isEqualTo(200);
    }

    @Test
    void sessionsAreListedAndCanBeRevoked() {
        JsonNode first = api.register("frank", "franks-password");
        JsonNode second = api.post("/api/v1/auth/login", null, Map.of("username", "frank", "password", "franks-password")).json();
        String access = first.path("accessToken").asText();

        Api.Reply list = api.get("/api/v1/auth/sessions", access);
        assertThat(list.status()).isEqualTo(200);
        JsonNode items = list.json().path("items");
        assertThat(items).hasSize(2);
        for (JsonNode session : items) {
            boolean isCurrent = session.path("id").asText().equals(first.path("sessionId").asText());
            assertThat(session.path("current").asBoolean()).isEqualTo(isCurrent);
            assertThat(session.path("expiresAt").asText()).endsWith("Z");
            assertThat(session.has("userAgent")).isTrue();
            assertThat(session.has("lastUsedAt")).isTrue();
            assertThat(session.has("createdAt")).isTrue();
        }

        String otherSession = second.path("sessionId").asText();
        assertThat(api.delete("/api/v1/auth/sessions/" + otherSession, access).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/users/me", second.path("accessToken").asText()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/sessions", access).json().path("items")).hasSize(1);
        assertThat(api.delete("/api/v1/auth/sessions/s_unknown", access).status()).isEqualTo(404);

        JsonNode stranger = api.register("grace", "graces-password");
        assertThat(api.delete("/api/v1/auth/sessions/" + first.path("sessionId").asText(),
                stranger.path("accessToken").asText()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/users/me", access).status()).isEqualTo(200);
    }

    @Test
    void registrationCanBeClosed(@TempDir Path otherDir) {
        try (TestServer closed = TestServer.start(otherDir, Map.of("PARLEY_REGISTRATION_ENABLED", "false"))) {
            Api.Reply reply = closed.api.post("/api/v1/auth/register", null,
                    Map.of("username", "latecomer", "password", "a-password"));
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.errorCode()).isEqualTo("forbidden");
        }
    }

    @Test
    void authRoutesOtherThanRegisterLoginAndRefreshNeedAToken() {
        assertThat(api.get("/api/v1/auth/sessions", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/logout", null, null).status()).isEqualTo(401);
    }
}
