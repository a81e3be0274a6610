package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.model.Conversation;
import dev.parley.client.model.NewMessage;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Query parameters and optional bodies sent raw, the way a hand-written client might get them wrong. */
@ExtendWith(SharedServer.class)
class QueryParametersE2eTest {
    private final Chat chat;
    private Person ada;
    private Conversation direct;

    QueryParametersE2eTest(Chat chat) {
        this.chat = chat;
    }

    @BeforeEach
    void conversation() {
        ada = chat.register("Ada");
        Person bob = chat.register("Bob");
        direct = bob.client().conversations().openDirect(ada.id()).value();
        bob.client().messages().send(direct.id(), NewMessage.text("q1", "Hello"));
    }

    private Map<String, String> auth() {
        return Map.of("Authorization", "Bearer " + ada.client().tokens().accessToken());
    }

    private void invalid(String pathAndQuery, String field) {
        RawHttp.Answer answer = chat.raw().get(pathAndQuery, auth());
        assertThat(answer.status()).as(pathAndQuery + " -> " + answer.body()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("validation_failed");
        assertThat(answer.json().path("error").path("details").findValuesAsText("field")).as(pathAndQuery).contains(field);
    }

    @Test
    void malformedQueryParametersAre400NamingTheParameter() {
        invalid("/api/v1/conversations?kind=bogus", "kind");
        invalid("/api/v1/conversations?kind=direct&archived=maybe", "archived");
        invalid("/api/v1/conversations?limit=ten", "limit");
        invalid("/api/v1/conversations?includeHidden=sometimes", "includeHidden");
        invalid("/api/v1/search?q=hello&type=bogus", "type");
        invalid("/api/v1/search?q=hello&from=yesterday", "from");
        invalid("/api/v1/search?q=hello&limit=-1", "limit");
        invalid("/api/v1/users?q=bob&limit=x", "limit");
        invalid("/api/v1/conversations/" + direct.id() + "/messages?after=-5", "after");
        invalid("/api/v1/conversations/" + direct.id() + "/messages?markRead=perhaps", "markRead");
    }

    @Test
    void theReadAndDeliveredMarkersTakeAnEmptyBodyOrNone() {
        long lastSeq = ada.client().conversations().get(direct.id()).conversation().lastSeq();
        Map<String, String> json = Map.of("Authorization", "Bearer " + ada.client().tokens().accessToken(),
                "Content-Type", "application/json");

        RawHttp.Answer delivered = chat.raw().send("POST", "/api/v1/conversations/" + direct.id() + "/delivered", auth(),
                null);
        RawHttp.Answer read = chat.raw().send("POST", "/api/v1/conversations/" + direct.id() + "/read", json, "{}");
        RawHttp.Answer mistyped = chat.raw().send("POST", "/api/v1/conversations/" + direct.id() + "/read", json,
                "{\"seq\":\"five\"}");

        assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
        assertThat(delivered.json().path("deliveredSeq").asLong()).isEqualTo(lastSeq);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().path("readSeq").asLong()).isEqualTo(lastSeq);
        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(mistyped.json().path("error").path("details").get(0).path("field").asText()).isEqualTo("seq");
    }
}
