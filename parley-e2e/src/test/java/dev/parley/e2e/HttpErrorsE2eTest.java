package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.client.model.Conversation;
import dev.parley.client.model.HistoryQuery;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the client never sends: raw HTTP with bad bodies, wrong content types and unknown routes. */
@ExtendWith(SharedServer.class)
class HttpErrorsE2eTest {
    private final Chat chat;

    HttpErrorsE2eTest(Chat chat) {
        this.chat = chat;
    }

    private static Map<String, String> headers(Person person, String contentType) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", "Bearer " + person.client().tokens().accessToken());
        if (contentType != null) headers.put("Content-Type", contentType);
        return headers;
    }

    /** Checks the one error shape and returns the error object. */
    private static JsonNode error(RawHttp.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode error = answer.json().path("error");
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.path("details").isArray()).isTrue();
        return error;
    }

    @Test
    void aBodyOverTheLimitIs413AndNothingIsStored() {
        Person ada = chat.register("Ada");
        Conversation notes = ada.client().conversations().create(dev.parley.client.model.NewConversation.group("Notes"))
                .value();
        char[] filler = new char[2 * 1024 * 1024];
        Arrays.fill(filler, 'x');
        String huge = "{\"clientMessageId\":\"huge\",\"text\":\"" + new String(filler) + "\"}";

        // Again and again: a server that answers before reading the body and then closes resets the
        // connection under a client still sending, which then loses the answer now and then.
        for (int attempt = 0; attempt < 20; attempt++) {
            RawHttp.Answer answer = chat.raw().sendBytes("POST", "/api/v1/conversations/" + notes.id() + "/messages",
                    headers(ada, "application/json"), huge.getBytes(StandardCharsets.UTF_8));
            error(answer, 413, "payload_too_large");
        }
        assertThat(ada.client().messages().history(notes.id(), HistoryQuery.NEWEST).items()).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        Person ada = chat.register("Ada");

        error(chat.raw().send("PATCH", "/api/v1/users/me", headers(ada, "text/plain"), "{\"displayName\":\"Text\"}"),
                415, "unsupported_media_type");
        error(chat.raw().send("POST", "/api/v1/auth/login", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "username=" + ada.username() + "&password=" + Chat.PASSWORD), 415, "unsupported_media_type");
        error(chat.raw().send("PATCH", "/api/v1/users/me", headers(ada, null), "{\"displayName\":\"None\"}"),
                415, "unsupported_media_type");

        assertThat(ada.client().users().me().displayName()).isEqualTo("Ada");
        RawHttp.Answer withCharset = chat.raw().send("PATCH", "/api/v1/users/me",
                headers(ada, "application/json; charset=utf-8"), "{\"displayName\":\"Charset\"}");
        assertThat(withCharset.status()).isEqualTo(200);
    }

    @Test
    void unknownFieldsMalformedJsonAndWrongTypesAre400AndChangeNothing() {
        Person ada = chat.register("Ada");
        String username = Chat.unique("sneaky");

        JsonNode unknown = error(chat.raw().send("POST", "/api/v1/auth/register", Map.of("Content-Type", "application/json"),
                "{\"username\":\"" + username + "\",\"password\":\"" + Chat.PASSWORD + "\",\"isAdmin\":true}"),
                400, "validation_failed");
        assertThat(unknown.path("details").get(0).path("field").asText()).isEqualTo("isAdmin");
        assertThat(chat.raw().send("POST", "/api/v1/auth/login", Map.of("Content-Type", "application/json"),
                "{\"username\":\"" + username + "\",\"password\":\"" + Chat.PASSWORD + "\"}").status()).isEqualTo(401);

        error(chat.raw().send("PATCH", "/api/v1/users/me", headers(ada, "application/json"),
                "{\"displayName\":\"Half"), 400, "validation_failed");
        error(chat.raw().send("PATCH", "/api/v1/users/me", headers(ada, "application/json"),
                "[\"displayName\"]"), 400, "validation_failed");
        JsonNode wrongType = error(chat.raw().send("PATCH", "/api/v1/users/me", headers(ada, "application/json"),
                "{\"displayName\":{\"first\":\"Ada\"}}"), 400, "validation_failed");
        assertThat(wrongType.path("details").get(0).path("field").asText()).isEqualTo("displayName");
        error(chat.raw().send("POST", "/api/v1/conversations", headers(ada, "application/json"),
                "{\"kind\":\"group\",\"title\":\"T\",\"members\":[{\"userId\":\"x\",\"colour\":\"red\"}]}"),
                400, "validation_failed");
        error(chat.raw().send("POST", "/api/v1/conversations", headers(ada, "application/json"), ""),
                400, "validation_failed");

        assertThat(ada.client().users().me().displayName()).isEqualTo("Ada");
    }

    @Test
    void unknownRoutesAre404WithTheErrorShape() {
        Person ada = chat.register("Ada");

        error(chat.raw().get("/api/v1/no-such-route", Map.of()), 404, "not_found");
        error(chat.raw().get("/api/v1/no-such-route", headers(ada, null)), 404, "not_found");
        error(chat.raw().get("/api/v2/users/me", headers(ada, null)), 404, "not_found");
        error(chat.raw().send("POST", "/api/v1/conversations/some-id/unknown", headers(ada, "application/json"), "{}"),
                404, "not_found");
        error(chat.raw().get("/definitely/not/here", Map.of()), 404, "not_found");
    }

    @Test
    void aMethodNoRouteHasIsAnUnknownRoute() {
        Person ada = chat.register("Ada");

        error(chat.raw().send("DELETE", "/api/v1/users/me", headers(ada, null), null), 404, "not_found");
        error(chat.raw().send("PUT", "/api/v1/auth/login", Map.of("Content-Type", "application/json"), "{}"),
                404, "not_found");
        assertThat(ada.client().users().me().id()).isEqualTo(ada.id());
    }
}
