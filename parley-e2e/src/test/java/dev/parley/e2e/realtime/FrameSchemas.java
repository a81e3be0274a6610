package dev.parley.e2e.realtime;

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
 * Validates frames against docs/api/asyncapi.yaml (its schemas read as JSON Schema 2020-12, like
 * the OpenAPI 3.1 ones they reference). Strict on purpose: every object schema that lists
 * properties is closed for validation, so a field the server sends but the document does not
 * name is caught; formats (date-time) are asserted.
 */
final class FrameSchemas {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private final AsyncApiDocument document;
    private final ObjectNode tree;
    private final Map<String, String> eventMessages;
    private final Map<String, AsyncApiDocument.Op> ops;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    FrameSchemas(AsyncApiDocument document) {
        this.document = document;
        this.tree = closed(document.schemaTree());
        this.eventMessages = document.eventMessages();
        this.ops = document.ops();
    }

    /**
     * The problems of a server frame; empty if it matches the document.
     *
     * @param op the op of the request the frame answers, null if it answers none
     */
    List<String> validateServerFrame(JsonNode frame, String op) {
        String type = frame.path("type").asText();
        String messageKey = switch (type) {
            case "event" -> eventMessages.get(frame.path("event").asText());
            case "error" -> "ErrorReply";
            case "ok" -> op == null || !ops.containsKey(op) ? null : ops.get(op).reply();
            default -> null;
        };
        if (messageKey == null) {
            String what = type.equals("event") ? "undocumented event " + frame.path("event")
                    : type.equals("ok") ? "a success reply to no documented request (op " + op + ")"
                    : "unknown frame type " + frame.path("type");
            return List.of(what);
        }
        return validate(messageKey, frame);
    }

    /** The problems of a request frame against the documented request of {@code op}. */
    List<String> validateRequest(String op, JsonNode request) {
        AsyncApiDocument.Op documented = ops.get(op);
        if (documented == null) return List.of("undocumented op " + op);
        return validate(documented.request(), request);
    }

    /** The problems of {@code json} against the payload of component message {@code messageKey}. */
    List<String> validate(String messageKey, JsonNode json) {
        JsonSchema schema = compiled.computeIfAbsent(messageKey, this::compile);
        return schema.validate(json).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private JsonSchema compile(String messageKey) {
        String pointer = document.payloadPointer(messageKey)
                .orElseThrow(() -> new IllegalArgumentException("no message " + messageKey + " in asyncapi.yaml"));
        ObjectNode root = tree.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", pointer);
        return FACTORY.getSchema(root, CONFIG);
    }

    /** Adds {@code additionalProperties: false} to every object schema with properties that does not say otherwise. */
    static <T extends JsonNode> T closed(T node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && object.get("properties").isObject() && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.properties().forEach(entry -> closed(entry.getValue()));
        } else if (node instanceof ArrayNode array) {
            array.forEach(FrameSchemas::closed);
        }
        return node;
    }
}
