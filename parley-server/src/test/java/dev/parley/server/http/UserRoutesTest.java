package dev.parley.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserRoutesTest {
    @TempDir
    static Path dataDir;
    static TestServer server;
    static Api api;
    static String ada;
    static String adaId;
    static String bobId;
    static String bob;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        api = server.api;
        JsonNode a = api.register("ada", "adas-password");
        ada = a.path("accessToken").asText();
        adaId = a.path("user").path("id").asText();
        JsonNode b = api.register("bob", "bobs-password");
        bob = b.path("accessToken").asText();
        bobId = b.path("user").path("id").asText();
        api.register("bobby", "bobbys-password");
        api.register("carol", "carols-password");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void meShowsMyProfileWithEmail() {
        JsonNode me = api.get("/api/v1/users/me", ada).json();
        assertThat(me.path("id").asText()).isEqualTo(adaId);
        assertThat(me.path("username").asText()).isEqualTo("ada");
        assertThat(me.path("email").asText()).isEqualTo("ada@example.org");
        assertThat(me.fieldNames()).toIterable().containsExactlyInAnyOrder(
                "id", "username", "displayName", "email", "avatarUrl", "statusText", "createdAt");
    }

    @Test
    void patchChangesOnlyTheGivenFields() {
        JsonNode c = api.register("patchy", "patchys-password");
        String token = c.path("accessToken").asText();
        Api.Reply reply = api.patch("/api/v1/users/me", token,
                Map.of("displayName", "Patchy P.", "statusText", "in a meeting", "avatarUrl", "https://img.example/p.png"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("displayName").asText()).isEqualTo("Patchy P.");
        assertThat(reply.json().path("statusText").asText()).isEqualTo("in a meeting");
        assertThat(reply.json().path("email").asText()).isEqualTo("patchy@example.org");

        Map<String, Object> clear = new HashMap<>();
        clear.put("statusText", "");
        JsonNode cleared = api.patch("/api/v1/users/me", token, clear).json();
        assertThat(cleared.path("statusText").isNull()).isTrue();
        assertThat(cleared.path("displayName").asText()).isEqualTo("Patchy P.");

        Api.Reply bad = api.patch("/api/v1/users/me", token, Map.of("avatarUrl", "javascript:alert(1)", "email", "nope"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("error").path("details").findValuesAsText("field")).contains("avatarUrl", "email");
        assertThat(api.get("/api/v1/users/me", token).json().path("avatarUrl").asText()).isEqualTo("https://img.example/p.png");
    }

    @Test
    void otherPeopleAreShownWithoutEmail() {
        Api.Reply reply = api.get("/api/v1/users/" + bobId, ada);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("username").asText()).isEqualTo("bob");
        assertThat(reply.json().path("email").isNull()).isTrue();
        assertThat(api.get("/api/v1/users/" + adaId, ada).json().path("email").asText()).isEqualTo("ada@example.org");
        Api.Reply missing = api.get("/api/v1/users/u_nobody", ada);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("not_found");
    }

    @Test
    void theDirectoryFindsOthersButNotMe() {
        JsonNode items = api.get("/api/v1/users?q=bob", ada).json().path("items");
        assertThat(items.findValuesAsText("username")).containsExactly("bob", "bobby");
        assertThat(items.get(0).path("email").isNull()).isTrue();
        assertThat(api.get("/api/v1/users?q=bob", bob).json().path("items").findValuesAsText("username"))
                .containsExactly("bobby");
        assertThat(api.get("/api/v1/users?q=bob&limit=1", ada).json().path("items")).hasSize(1);
        assertThat(api.get("/api/v1/users?q=bob&limit=x", ada).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/users?q=bob&limit=0", ada).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/users", ada).status()).isEqualTo(400);
    }

    @Test
    void blocksAreListedAddedAndRemoved() {
        JsonNode me = api.register("blocker", "blockers-password");
        String token = me.path("accessToken").asText();
        assertThat(api.get("/api/v1/users/me/blocks", token).json().path("items")).isEmpty();
        assertThat(api.put("/api/v1/users/me/blocks/" + bobId, token).status()).isEqualTo(204);
        assertThat(api.put("/api/v1/users/me/blocks/" + bobId, token).status()).isEqualTo(204);
        JsonNode blocked = api.get("/api/v1/users/me/blocks", token).json().path("items");
        assertThat(blocked.findValuesAsText("id")).containsExactly(bobId);
        assertThat(api.put("/api/v1/users/me/blocks/u_nobody", token).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/users/me/blocks/" + me.path("user").path("id").asText(), token).status())
                .isEqualTo(400);
        assertThat(api.delete("/api/v1/users/me/blocks/" + bobId, token).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/users/me/blocks", token).json().path("items")).isEmpty();
    }

    @Test
    void usersNeedAToken() {
        assertThat(api.get("/api/v1/users/me", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/users/me", "garbage").status()).isEqualTo(401);
        assertThat(api.send("GET", "/api/v1/users/me", null, null, Map.of("Authorization", "Basic abc")).status())
                .isEqualTo(401);
    }
}
