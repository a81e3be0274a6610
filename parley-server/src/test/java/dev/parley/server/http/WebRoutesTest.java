package dev.parley.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebRoutesTest {
    @TempDir
    static Path dataDir;
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theSdkIsServedAsAJavaScriptModuleWithoutCredentials() {
        Api.Reply reply = server.api.get("/sdk/parley.js", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(reply.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(reply.header("Cache-Control")).hasValue("no-cache");
        assertThat(reply.body()).contains("export class Parley");
    }

    @Test
    void theRootIsAPageThatSaysWhatRunsAndLinksTheDocs() {
        Api.Reply reply = server.api.get("/", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).get().asString().startsWith("text/html").containsIgnoringCase("charset=utf-8");
        assertThat(reply.body()).contains("Parley is running", "href=\"/api/docs\"", "/sdk/parley.js");
    }

    @Test
    void credentialsOnAStaticFileAreIgnoredNotChecked() {
        Api.Reply reply = server.api.send("GET", "/sdk/store.js", "not-a-token", null, Map.of());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("export class ChatStore");
    }

    @Test
    void aMissingFileIsTheUsual404() {
        Api.Reply reply = server.api.get("/sdk/no-such-module.js", null);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("not_found");
    }

    @Test
    void onlyTheWebFolderIsServed() {
        assertThat(server.api.get("/logback.xml", null).status()).isEqualTo(404);
        assertThat(server.api.get("/dev/parley/server/http/api-docs.html", null).status()).isEqualTo(404);
        assertThat(server.api.get("/sdk/%2e%2e/%2e%2e/%2e%2e/server/http/api-docs.html", null).status()).isNotEqualTo(200);
    }

    @Test
    void theApiKeepsItsAuthenticationAndErrors() {
        Api.Reply unauthenticated = server.api.get("/api/v1/users/me", null);
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.errorCode()).isEqualTo("unauthenticated");

        Api.Reply unknown = server.api.get("/api/v1/no-such-route", "not-a-token");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("not_found");
        assertThat(server.api.get("/healthz", null).status()).isEqualTo(200);
    }
}
