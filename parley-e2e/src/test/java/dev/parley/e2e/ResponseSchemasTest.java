package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The schema check of {@link OpenApiContractTest} catches what it is meant to catch. */
class ResponseSchemasTest {
    private static final OpenApiDocument DOCUMENT = OpenApiDocument.load();
    private static final ResponseSchemas SCHEMAS = new ResponseSchemas(DOCUMENT);
    private static final JsonNode USER = ref("User");
    private static final JsonNode MESSAGE_PAGE = ref("MessageHistory");

    private static JsonNode ref(String name) {
        return OpenApiDocument.YAML.createObjectNode().put("$ref", "#/components/schemas/" + name);
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) OpenApiDocument.YAML.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static ObjectNode user() {
        return json("""
                {"id":"u1","username":"ada","displayName":"Ada","email":null,"avatarUrl":null,"statusText":null,
                 "createdAt":"2026-01-05T09:00:00Z"}""");
    }

    @Test
    void aValidBodyPasses() {
        assertThat(SCHEMAS.validate(USER, user())).isEmpty();
        assertThat(SCHEMAS.validate(MESSAGE_PAGE, json("{\"items\":[],\"hasOlder\":false,\"hasNewer\":false}"))).isEmpty();
    }

    @Test
    void undocumentedMissingMistypedAndMisformattedFieldsAreReported() {
        assertThat(SCHEMAS.validate(USER, user().put("isAdmin", true))).hasSize(1).first().asString().contains("isAdmin");
        ObjectNode missing = user();
        missing.remove("statusText");
        assertThat(SCHEMAS.validate(USER, missing)).hasSize(1).first().asString().contains("statusText");
        assertThat(SCHEMAS.validate(USER, user().put("displayName", 42))).isNotEmpty();
        assertThat(SCHEMAS.validate(USER, user().putNull("username"))).isNotEmpty();
        assertThat(SCHEMAS.validate(USER, user().put("createdAt", "yesterday"))).isNotEmpty();
    }

    @Test
    void nestedSchemasAndEnumsAreChecked() {
        ObjectNode page = json("""
                {"items":[{"id":"m1","conversationId":"c1","seq":1,"senderId":"u1","clientMessageId":"x","type":"hologram",
                 "text":"hi","codeLanguage":null,"attachments":[],"replyToId":null,"threadRootId":null,"mentions":[],
                 "mentionAll":false,"forwardedFrom":null,"createdAt":"2026-01-05T09:00:00Z","editedAt":null,
                 "deletedAt":null,"deletedBy":null,"thread":{"replyCount":0,"lastReplyAt":null,"participantIds":[]},
                 "reactions":[],"pinned":false,"delivery":null}],"hasOlder":false,"hasNewer":false}""");

        assertThat(SCHEMAS.validate(MESSAGE_PAGE, page)).isNotEmpty();
        ((ObjectNode) page.path("items").get(0)).put("type", "text");
        assertThat(SCHEMAS.validate(MESSAGE_PAGE, page)).isEmpty();
        ((ObjectNode) page.path("items").get(0).path("thread")).put("replies", 3);
        assertThat(SCHEMAS.validate(MESSAGE_PAGE, page)).isNotEmpty();
    }

    @Test
    void concretePathsFindTheirOperationPreferringLiteralSegments() {
        assertThat(DOCUMENT.find("GET", "/api/v1/users/me")).get().extracting(OpenApiDocument.Operation::path)
                .isEqualTo("/api/v1/users/me");
        assertThat(DOCUMENT.find("GET", "/api/v1/users/u_123")).get().extracting(OpenApiDocument.Operation::path)
                .isEqualTo("/api/v1/users/{userId}");
        assertThat(DOCUMENT.find("PUT", "/api/v1/messages/m1/reactions/%F0%9F%91%8D")).isPresent();
        assertThat(DOCUMENT.find("GET", "/api/v1/nothing")).isEmpty();
        assertThat(OpenApiDocument.normalize("/a/{id}/b/<rest>/")).isEqualTo("/a/{}/b/{}");
    }
}
