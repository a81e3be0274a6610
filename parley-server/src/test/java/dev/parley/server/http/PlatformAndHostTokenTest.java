package dev.parley.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformAndHostTokenTest {
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
    void thePlatformProvisionsUsersIdempotently() {
        Map<String, String> key = Map.of("X-Parley-Api-Key", TestServer.API_KEY);
        Api.Reply first = api.send("POST", "/api/v1/platform/users", null,
                Map.of("sub", "lms-7", "name", "Lin Mei", "email", "lin@lms.example"), key);
        assertThat(first.status()).isEqualTo(200);
        JsonNode user = first.json();
        assertThat(user.path("displayName").asText()).isEqualTo("Lin Mei");
        assertThat(user.path("email").asText()).isEqualTo("lin@lms.example");

        Api.Reply again = api.send("POST", "/api/v1/platform/users", null,
                Map.of("sub", "lms-7", "name", "Lin Mei-Ling", "avatarUrl", "https://img.example/lin.png"), key);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asText()).isEqualTo(user.path("id").asText());
        assertThat(again.json().path("displayName").asText()).isEqualTo("Lin Mei-Ling");
        assertThat(again.json().path("avatarUrl").asText()).isEqualTo("https://img.example/lin.png");

        Api.Reply missingSub = api.send("POST", "/api/v1/platform/users", null, Map.of("name", "x"), key);
        assertThat(missingSub.status()).isEqualTo(400);
        assertThat(missingSub.json().path("error").path("details").findValuesAsText("field")).contains("sub");
    }

    @Test
    void usersAndWrongKeysMayNotProvision() {
        String token = api.register("notplatform", "a-password").path("accessToken").asText();
        Api.Reply asUser = api.post("/api/v1/platform/users", token, Map.of("sub", "lms-8"));
        assertThat(asUser.status()).isEqualTo(403);
        assertThat(asUser.errorCode()).isEqualTo("forbidden");

        Api.Reply wrongKey = api.send("POST", "/api/v1/platform/users", null, Map.of("sub", "lms-8"),
                Map.of("X-Parley-Api-Key", "wrong-key-wrong-key-wrong-key"));
        assertThat(wrongKey.status()).isEqualTo(401);
    }

    @Test
    void thePlatformKeyIsNotAPerson() {
        Api.Reply me = api.send("GET", "/api/v1/users/me", null, null, Map.of("X-Parley-Api-Key", TestServer.API_KEY));
        assertThat(me.status()).isEqualTo(403);
    }

    @Test
    void aHostTokenSignsInAndProvisionsTheUser() throws Exception {
        String token = hostToken("lms-99", "Hana Host", "hana@lms.example", Duration.ofMinutes(5));
        Api.Reply me = api.get("/api/v1/users/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("displayName").asText()).isEqualTo("Hana Host");
        assertThat(me.json().path("email").asText()).isEqualTo("hana@lms.example");
        assertThat(me.json().path("avatarUrl").asText()).isEqualTo("https://img.example/lms-99.png");
        String id = me.json().path("id").asText();

        assertThat(api.get("/api/v1/users/me", token).json().path("id").asText()).isEqualTo(id);
        String renamed = hostToken("lms-99", "Hana H.", "hana@lms.example", Duration.ofMinutes(5));
        JsonNode after = api.get("/api/v1/users/me", renamed).json();
        assertThat(after.path("id").asText()).isEqualTo(id);
        assertThat(after.path("displayName").asText()).isEqualTo("Hana H.");
    }

    @Test
    void expiredOrForgedHostTokensAreRefused() throws Exception {
        assertThat(api.get("/api/v1/users/me", hostToken("lms-1", "X", null, Duration.ofMinutes(-5))).status())
                .isEqualTo(401);
        SignedJWT forged = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject("lms-1")
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).build());
        forged.sign(new MACSigner("some-other-secret-some-other-secret"));
        Api.Reply reply = api.get("/api/v1/users/me", forged.serialize());
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("unauthenticated");
    }

    @Test
    void hostTokenUsersHaveNoSessionToEnd() throws Exception {
        String token = hostToken("lms-100", "No Session", null, Duration.ofMinutes(5));
        assertThat(api.post("/api/v1/auth/logout", token, null).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/users/me", token).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/password", token, Map.of("currentPassword", "x", "newPassword", "long-enough"))
                .status()).isEqualTo(403);
    }

    private static String hostToken(String sub, String name, String email, Duration ttl) throws JOSEException {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(sub).claim("name", name)
                .claim("picture", "https://img.example/" + sub + ".png")
                .expirationTime(Date.from(Instant.now().plus(ttl)));
        if (email != null) claims.claim("email", email);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        jwt.sign(new MACSigner(TestServer.HOST_SECRET));
        return jwt.serialize();
    }
}
