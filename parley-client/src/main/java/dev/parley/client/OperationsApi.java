package dev.parley.client;

import dev.parley.client.Transport.Call;
import dev.parley.client.model.Health;

/** The operational endpoints outside {@code /api/v1}; none needs credentials. */
public final class OperationsApi {
    private final Transport transport;

    OperationsApi(Transport transport) {
        this.transport = transport;
    }

    /** Liveness: {@code ok} when the process answers. */
    public Health health() {
        return transport.body(Call.anonymous("GET", "/healthz", null), Health.class);
    }

    /** Readiness: {@code ready}; a server that is not ready answers 503 ({@link ParleyApiException}). */
    public Health ready() {
        return transport.body(Call.anonymous("GET", "/readyz", null), Health.class);
    }

    /** The OpenAPI document as YAML text. */
    public String openApiDocument() {
        return transport.text(Call.anonymous("GET", "/api/openapi.yaml", null));
    }

    /** The HTML page that renders the OpenAPI document. */
    public String apiDocsPage() {
        return transport.text(Call.anonymous("GET", "/api/docs", null));
    }
}
