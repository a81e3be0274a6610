package dev.parley.e2e.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * docs/api/asyncapi.yaml, parsed, with the lookups the frame validation needs: which message
 * describes an event, which describes the reply to an op, and the request of an op. References
 * into docs/api/openapi.yaml ({@code openapi.yaml#/...}) are followed.
 */
final class AsyncApiDocument {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final String OPENAPI_PREFIX = "openapi.yaml#";

    private final JsonNode root;
    private final JsonNode openApi;

    private AsyncApiDocument(JsonNode root, JsonNode openApi) {
        this.root = root;
        this.openApi = openApi;
    }

    static AsyncApiDocument load() {
        return new AsyncApiDocument(readYaml(docs("api", "asyncapi.yaml")), readYaml(docs("api", "openapi.yaml")));
    }

    /** A file under docs/, found from the module directory or the repository root. */
    static Path docs(String... names) {
        for (Path base : List.of(Path.of("..", "docs"), Path.of("docs"))) {
            Path candidate = base;
            for (String name : names) candidate = candidate.resolve(name);
            if (Files.isRegularFile(candidate)) return candidate;
        }
        throw new IllegalStateException("docs/" + String.join("/", names) + " not found from " + Path.of("").toAbsolutePath());
    }

    private static JsonNode readYaml(Path path) {
        try {
            return YAML.readTree(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException(path + " is not readable YAML", e);
        }
    }

    JsonNode root() {
        return root;
    }

    JsonNode openApi() {
        return openApi;
    }

    /** Follows {@code $ref}s (local or into openapi.yaml) until a node without one; missing if dangling. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 20 && current.has("$ref"); hops++) current = target(current.get("$ref").asText(), root);
        return current;
    }

    /** The node a reference names, read from {@code base} for local references; missing if dangling. */
    JsonNode target(String ref, JsonNode base) {
        if (ref.startsWith(OPENAPI_PREFIX)) return openApi.at(ref.substring(OPENAPI_PREFIX.length()));
        if (ref.startsWith("#")) return base.at(ref.substring(1));
        return MissingNode.getInstance();
    }

    /** The component message key ({@code MessageCreatedEvent}) of every event name ({@code message.created}). */
    Map<String, String> eventMessages() {
        Map<String, String> byEvent = new LinkedHashMap<>();
        root.path("components").path("messages").properties().forEach(entry -> {
            JsonNode payload = resolve(entry.getValue().path("payload"));
            if (payload.path("properties").path("type").path("const").asText().equals("event")) {
                byEvent.put(payload.path("properties").path("event").path("const").asText(), entry.getKey());
            }
        });
        return byEvent;
    }

    /** The events whose frames carry a seq (persisted conversation events). */
    List<String> persistedEvents() {
        List<String> names = new ArrayList<>();
        eventMessages().forEach((event, key) -> {
            JsonNode payload = resolve(root.path("components").path("messages").path(key).path("payload"));
            for (JsonNode required : payload.path("required")) {
                if (required.asText().equals("seq")) names.add(event);
            }
        });
        return names;
    }

    /** Every documented op, with the component keys of its request and its success reply. */
    Map<String, Op> ops() {
        Map<String, Op> ops = new LinkedHashMap<>();
        root.path("operations").properties().forEach(entry -> {
            JsonNode operation = entry.getValue();
            if (!operation.path("action").asText().equals("receive")) return;
            String request = componentKey(operation.path("messages").path(0));
            JsonNode payload = resolve(root.path("components").path("messages").path(request).path("payload"));
            String op = payload.path("properties").path("op").path("const").asText();
            String reply = null;
            for (JsonNode ref : operation.path("reply").path("messages")) {
                String key = componentKey(ref);
                JsonNode replyPayload = resolve(root.path("components").path("messages").path(key).path("payload"));
                if (replyPayload.path("properties").path("type").path("const").asText().equals("ok")) reply = key;
            }
            ops.put(op, new Op(op, entry.getKey(), request, reply));
        });
        return ops;
    }

    /** The component message key a channel message reference finally names. */
    String componentKey(JsonNode reference) {
        JsonNode current = reference;
        String key = null;
        for (int hops = 0; hops < 5 && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            key = ref.substring(ref.lastIndexOf('/') + 1);
            current = target(ref, root);
        }
        return key;
    }

    /** The payload schema of a component message, e.g. {@code #/components/messages/ErrorReply/payload}. */
    Optional<String> payloadPointer(String messageKey) {
        JsonNode message = root.path("components").path("messages").path(messageKey);
        return message.isMissingNode() ? Optional.empty()
                : Optional.of("#/components/messages/" + messageKey + "/payload");
    }

    /**
     * One self-contained JSON Schema tree: the document's components, and openapi.yaml's under
     * {@code $defs/openapi}, with every reference rewritten to point inside the tree.
     */
    ObjectNode schemaTree() {
        ObjectNode tree = YAML.createObjectNode();
        tree.set("components", rewrite(root.path("components").deepCopy(), false));
        ObjectNode defs = tree.putObject("$defs");
        defs.putObject("openapi").set("components", rewrite(openApi.path("components").deepCopy(), true));
        return tree;
    }

    private static JsonNode rewrite(JsonNode node, boolean insideOpenApi) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual()) {
                String value = ref.asText();
                if (value.startsWith(OPENAPI_PREFIX)) {
                    object.put("$ref", "#/$defs/openapi" + value.substring(OPENAPI_PREFIX.length()));
                } else if (insideOpenApi && value.startsWith("#/")) {
                    object.put("$ref", "#/$defs/openapi" + value.substring(1));
                }
            }
            object.properties().forEach(entry -> rewrite(entry.getValue(), insideOpenApi));
        } else if (node != null && node.isArray()) {
            node.forEach(child -> rewrite(child, insideOpenApi));
        }
        return node;
    }

    /** A documented op: its name ({@code message.send}), operation key and component message keys. */
    record Op(String name, String operation, String request, String reply) {
    }
}
