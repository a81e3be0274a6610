package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ParleyClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class OperationsE2eTest {
    private final Chat chat;

    OperationsE2eTest(Chat chat) {
        this.chat = chat;
    }

    @Test
    void healthAndReadinessAnswerWithoutCredentials() {
        ParleyClient anonymous = chat.anonymous();

        assertThat(anonymous.operations().health().status()).isEqualTo("ok");
        assertThat(anonymous.operations().ready().status()).isEqualTo("ready");
    }

    @Test
    void theServerPublishesTheRepositorysOpenApiDocument() throws Exception {
        String served = chat.anonymous().operations().openApiDocument();

        assertThat(OpenApiDocument.YAML.readTree(served))
                .isEqualTo(OpenApiDocument.YAML.readTree(OpenApiDocument.read(OpenApiDocument.file())));
        RawHttp.Answer raw = chat.raw().get("/api/openapi.yaml", Map.of());
        assertThat(raw.header("Content-Type")).startsWith("application/yaml");
    }

    @Test
    void theDocsPageIsHtmlThatLoadsTheDocument() {
        String page = chat.anonymous().operations().apiDocsPage();
        RawHttp.Answer raw = chat.raw().get("/api/docs", Map.of());

        assertThat(raw.header("Content-Type")).startsWith("text/html");
        assertThat(page).containsIgnoringCase("<html").contains("openapi.yaml");
    }
}
