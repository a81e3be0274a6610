package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.client.Exchange;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The running server and docs/api/openapi.yaml agree: (a) every route the server registers is
 * documented and every documented operation is served; (b) every response recorded during the
 * e2e run has a documented status and a body that validates against the documented schema;
 * (c) the run exercised every documented operation and every error status of the contract.
 * Runs after every other e2e class (see junit-platform.properties) so that (b) and (c) see their
 * exchanges; run on its own, (c) fails and says so.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedServer.class)
class OpenApiContractTest {
    private static final int MAX_REPORTED = 40;

    private final Chat chat;
    private final OpenApiDocument document = OpenApiDocument.load();

    OpenApiContractTest(Chat chat) {
        this.chat = chat;
    }

    @Test
    @Order(1)
    void everyRegisteredRouteIsDocumentedAndEveryDocumentedOperationIsServed() {
        Set<String> registered = new TreeSet<>();
        chat.server().routes().forEach(route -> {
            String[] parts = route.split(" ", 2);
            registered.add(parts[0] + " " + OpenApiDocument.normalize(parts[1]));
        });
        Set<String> documented = new TreeSet<>();
        document.operations().forEach(op -> documented.add(op.key()));

        Set<String> undocumented = new TreeSet<>(registered);
        undocumented.removeAll(documented);
        Set<String> unserved = new TreeSet<>(documented);
        unserved.removeAll(registered);

        assertThat(undocumented).as("routes the server registers but docs/api/openapi.yaml does not document").isEmpty();
        assertThat(unserved).as("operations docs/api/openapi.yaml documents but the server does not register").isEmpty();
    }

    @Test
    @Order(2)
    void theDocumentIsWellFormed() {
        JsonNode root = document.root();
        assertThat(root.path("openapi").asText()).startsWith("3.1");
        List<String> problems = new ArrayList<>();
        for (OpenApiDocument.Operation op : document.operations()) {
            if (op.node().path("operationId").asText().isEmpty()) problems.add(op.key() + ": no operationId");
            if (!op.node().path("responses").isObject() || op.node().path("responses").isEmpty()) {
                problems.add(op.key() + ": no responses");
            }
            JsonNode body = op.node().path("requestBody").path("content").path("application/json").path("schema");
            if (!body.isMissingNode()) {
                JsonNode schema = resolve(body);
                if (!schema.path("additionalProperties").isBoolean() || schema.path("additionalProperties").asBoolean()) {
                    problems.add(op.key() + ": request body schema must say additionalProperties: false");
                }
            }
        }
        for (String ref : refs(root, new ArrayList<>())) {
            if (resolve(ref).isMissingNode()) problems.add("dangling $ref " + ref);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    @Order(3)
    void everyRecordedResponseMatchesTheDocument() {
        chat.anonymous().operations().health();
        chat.anonymous().operations().openApiDocument();
        ResponseSchemas schemas = new ResponseSchemas(document);
        Set<String> problems = new LinkedHashSet<>();
        for (Exchange exchange : Exchanges.all()) {
            String problem = check(exchange, schemas);
            if (problem != null) problems.add(problem);
        }
        assertThat(problems.stream().limit(MAX_REPORTED).toList())
                .as("%d of %d recorded responses do not match docs/api/openapi.yaml (at most %d shown)",
                        problems.size(), Exchanges.all().size(), MAX_REPORTED)
                .isEmpty();
    }

    @Test
    @Order(4)
    void theRunExercisedEveryOperationAndEveryErrorStatus() {
        Set<String> succeeded = new TreeSet<>();
        Set<Integer> errorStatuses = new TreeSet<>();
        for (Exchange exchange : Exchanges.all()) {
            document.find(exchange.method(), exchange.uri().getRawPath()).ifPresent(op -> {
                if (exchange.status() < 300) succeeded.add(op.key());
            });
            if (exchange.status() >= 400) errorStatuses.add(exchange.status());
        }
        Set<String> missing = new TreeSet<>();
        document.operations().forEach(op -> {
            if (!succeeded.contains(op.key())) missing.add(op.key());
        });

        assertThat(missing).as("documented operations no e2e test called successfully "
                + "(this test relies on the whole parley-e2e suite having run before it)").isEmpty();
        assertThat(errorStatuses).as("error statuses seen in the run").containsAll(List.of(400, 401, 403, 404, 409, 413,
                415, 429));
    }

    /** Null if the exchange matches the document, else what is wrong. */
    private String check(Exchange exchange, ResponseSchemas schemas) {
        String path = exchange.uri().getRawPath();
        String what = exchange.method() + " " + path + " -> " + exchange.status();
        var operation = document.find(exchange.method(), path);
        JsonNode response;
        String mediaType;
        if (operation.isEmpty()) {
            if (exchange.status() != 404) return what + ": no documented operation, yet not 404";
            response = document.root().path("components").path("responses").path("NotFound");
            mediaType = "application/json";
        } else {
            response = operation.get().response(exchange.status());
            if (response == null) return what + ": status not documented for " + operation.get().key();
            response = resolve(response);
            Iterator<String> types = response.path("content").fieldNames();
            mediaType = types.hasNext() ? types.next() : null;
        }
        if (response.path("headers").has("Retry-After") && exchange.responseHeaders().firstValue("Retry-After").isEmpty()) {
            return what + ": Retry-After header missing";
        }
        if (mediaType == null) {
            return exchange.responseBody().isEmpty() ? null : what + ": documented without a body, but has one";
        }
        if (!mediaType.equals(exchange.contentType())) {
            return what + ": content type " + exchange.contentType() + ", documented " + mediaType;
        }
        if (!mediaType.equals("application/json")) return null;
        JsonNode body;
        try {
            body = OpenApiDocument.YAML.readTree(exchange.responseBody());
        } catch (Exception e) {
            return what + ": body is not JSON";
        }
        List<String> errors = schemas.validate(response.path("content").path(mediaType).path("schema"), body);
        return errors.isEmpty() ? null : what + ": " + String.join("; ", errors.subList(0, Math.min(5, errors.size())));
    }

    private JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? resolve(resolve(node.get("$ref").asText())) : node;
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        return document.root().at(ref.substring(1));
    }

    private static List<String> refs(JsonNode node, List<String> found) {
        if (node.has("$ref")) found.add(node.get("$ref").asText());
        node.forEach(child -> refs(child, found));
        return found;
    }
}
