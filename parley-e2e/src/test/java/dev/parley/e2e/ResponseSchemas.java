package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates JSON bodies against schemas of the OpenAPI document (JSON Schema 2020-12, as
 * OpenAPI 3.1 uses it). Strict on purpose: every object schema that lists properties is closed
 * ({@code additionalProperties: false}) for validation, so a field the server sends but the
 * document does not name, or a misspelt one, is caught. Formats (date-time) are asserted.
 */
final class ResponseSchemas {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private final JsonNode components;
    private final Map<String, JsonSchema> cache = new ConcurrentHashMap<>();

    ResponseSchemas(OpenApiDocument document) {
        this.components = closed(document.root().path("components").deepCopy());
    }

    /** The problems of {@code body} against {@code schema} (a schema node of the document); empty if valid. */
    List<String> validate(JsonNode schema, JsonNode body) {
        JsonSchema compiled = cache.computeIfAbsent(schema.toString(), key -> compile(schema));
        return compiled.validate(body).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private JsonSchema compile(JsonNode schema) {
        ObjectNode root = closed(schema.deepCopy()) instanceof ObjectNode object ? object
                : OpenApiDocument.YAML.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", components);
        return FACTORY.getSchema(root, CONFIG);
    }

    /** Adds {@code additionalProperties: false} to every object schema with properties that does not say otherwise. */
    static <T extends JsonNode> T closed(T node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.properties().forEach(entry -> closed(entry.getValue()));
        } else if (node instanceof ArrayNode array) {
            array.forEach(ResponseSchemas::closed);
        }
        return node;
    }
}
