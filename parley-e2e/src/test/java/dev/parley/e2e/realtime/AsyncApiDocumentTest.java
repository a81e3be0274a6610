package dev.parley.e2e.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.core.event.ChatEvent;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/api/asyncapi.yaml is well formed and says what docs/protocol.md, the core's event
 * catalogue, the server's close-code registry and docs/api/openapi.yaml say.
 */
class AsyncApiDocumentTest {
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private final AsyncApiDocument document = AsyncApiDocument.load();

    @Test
    void everyReferenceResolvesAndOperationsUseTheirChannelsMessages() {
        JsonNode root = document.root();
        assertThat(root.path("asyncapi").asText()).isEqualTo("3.0.0");
        List<String> problems = new ArrayList<>();
        refs(root, root, problems);
        refs(document.openApi(), document.openApi(), problems);
        JsonNode channelMessages = root.path("channels").path("socket").path("messages");
        root.path("operations").properties().forEach(entry -> {
            JsonNode operation = entry.getValue();
            if (!operation.path("channel").path("$ref").asText().equals("#/channels/socket")) {
                problems.add(entry.getKey() + ": not on the socket channel");
            }
            List<JsonNode> used = new ArrayList<>();
            operation.path("messages").forEach(used::add);
            operation.path("reply").path("messages").forEach(used::add);
            if (used.isEmpty()) problems.add(entry.getKey() + ": no messages");
            for (JsonNode ref : used) {
                String pointer = ref.path("$ref").asText();
                if (!pointer.startsWith("#/channels/socket/messages/")
                        || !channelMessages.has(pointer.substring("#/channels/socket/messages/".length()))) {
                    problems.add(entry.getKey() + ": " + pointer + " is not a message of the socket channel");
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void theOpsAreTheOnesOfTheProtocol() throws IOException {
        Set<String> inProtocol = firstColumnNames(section("## Frames from the client", "## Frames from the server"));
        assertThat(document.ops().keySet()).containsExactlyInAnyOrderElementsOf(inProtocol);
        document.ops().values().forEach(op -> assertThat(op.reply()).as("success reply of %s", op.name()).isNotNull());
    }

    @Test
    void theEventsAreTheOnesOfTheProtocolAndOfTheCoreCatalogue() throws IOException {
        Set<String> inProtocol = firstColumnNames(section("## Frames from the server", "## Resume"));
        assertThat(document.eventMessages().keySet()).containsExactlyInAnyOrderElementsOf(inProtocol);
        assertThat(document.persistedEvents()).containsExactlyInAnyOrderElementsOf(ChatEvent.TYPES);
    }

    @Test
    void theCloseCodesAreTheOnesOfTheProtocolAndOfTheServerRegistry() throws Exception {
        Set<Integer> documented = new TreeSet<>();
        document.root().path("info").path("x-close-codes").forEach(c -> documented.add(c.path("code").asInt()));
        Set<Integer> inProtocol = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| (\\d{4}) \\|").matcher(section("## Close codes", null));
        while (row.find()) inProtocol.add(Integer.parseInt(row.group(1)));
        assertThat(documented).isEqualTo(inProtocol).isNotEmpty();

        Class<?> registry = Class.forName("dev.parley.server.ws.CloseCodes");
        Set<Integer> inCode = new TreeSet<>();
        for (Field field : registry.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                field.setAccessible(true);
                inCode.add(field.getInt(null));
            }
        }
        assertThat(inCode).as("int constants of dev.parley.server.ws.CloseCodes").isEqualTo(documented);
    }

    @Test
    void sharedShapesStayInStepWithTheRestDocument() {
        JsonNode schemas = document.root().path("components").path("schemas");
        JsonNode rest = document.openApi().path("components").path("schemas");

        Set<String> eventMessage = names(schemas.path("EventMessage").path("properties"));
        Set<String> message = names(rest.path("Message").path("properties"));
        message.remove("deletedBy");
        assertThat(eventMessage).as("EventMessage = Message without deletedBy").isEqualTo(message);

        assertThat(names(schemas.at("/MessageSendRequest/properties/data/properties")))
                .as("message.send data = NewMessageRequest + conversationId")
                .isEqualTo(plus(names(rest.path("NewMessageRequest").path("properties")), "conversationId"));
        assertThat(names(schemas.at("/MessageEditRequest/properties/data/properties")))
                .as("message.edit data = EditMessageRequest + messageId")
                .isEqualTo(plus(names(rest.path("EditMessageRequest").path("properties")), "messageId"));
        assertThat(names(schemas.at("/MessageForwardRequest/properties/data/properties")))
                .as("message.forward data = ForwardRequest + messageId")
                .isEqualTo(plus(names(rest.path("ForwardRequest").path("properties")), "messageId"));
    }

    @Test
    void everyMessagePayloadCompilesAndRefusesAnEmptyObject() {
        FrameSchemas schemas = new FrameSchemas(document);
        List<String> vacuous = new ArrayList<>();
        document.root().path("components").path("messages").fieldNames().forEachRemaining(key -> {
            if (schemas.validate(key, Socket.JSON.createObjectNode()).isEmpty()) vacuous.add(key);
        });
        assertThat(vacuous).as("message payloads that accept {}").isEmpty();
    }

    @Test
    void validationIsStrictAboutFieldsTypesAndFormats() throws Exception {
        FrameSchemas schemas = new FrameSchemas(document);
        String receipt = "{\"type\":\"event\",\"event\":\"receipt\",\"data\":{\"conversationId\":\"c_1\","
                + "\"userId\":\"u_1\",\"readSeq\":3,\"deliveredSeq\":4}}";
        assertThat(schemas.validateServerFrame(Socket.JSON.readTree(receipt), null)).isEmpty();
        assertThat(schemas.validateServerFrame(Socket.JSON.readTree(receipt.replace("\"readSeq\":3", "\"readSeq\":\"3\"")),
                null)).as("a wrong type").isNotEmpty();
        assertThat(schemas.validateServerFrame(Socket.JSON.readTree(receipt.replace("}}", ",\"extra\":1}}")), null))
                .as("an undocumented field").isNotEmpty();
        assertThat(schemas.validateServerFrame(Socket.JSON.readTree(receipt.replace("receipt", "receipts")), null))
                .as("an undocumented event").isNotEmpty();
        String ping = "{\"type\":\"ok\",\"id\":\"7\",\"result\":{\"at\":\"2026-01-01T10:00:00Z\"}}";
        assertThat(schemas.validateServerFrame(Socket.JSON.readTree(ping), "ping")).isEmpty();
        assertThat(schemas.validateServerFrame(Socket.JSON.readTree(ping.replace("2026-01-01T10:00:00Z", "yesterday")),
                "ping")).as("a wrong date-time").isNotEmpty();
        assertThat(schemas.validateServerFrame(Socket.JSON.readTree(ping), "history")).as("the reply of another op")
                .isNotEmpty();
    }

    private static Set<String> names(JsonNode properties) {
        Set<String> names = new TreeSet<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> plus(Set<String> names, String name) {
        Set<String> more = new TreeSet<>(names);
        more.add(name);
        return more;
    }

    private void refs(JsonNode node, JsonNode base, List<String> problems) {
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual() && document.target(ref.asText(), base).isMissingNode()) {
            problems.add("dangling $ref " + ref.asText());
        }
        node.forEach(child -> refs(child, base, problems));
    }

    /** The text of docs/protocol.md from the heading {@code from} up to the heading {@code to} (or the end). */
    private static String section(String from, String to) throws IOException {
        String text = Files.readString(AsyncApiDocument.docs("protocol.md"));
        int start = text.indexOf(from);
        assertThat(start).as("protocol.md has %s", from).isNotNegative();
        int end = to == null ? text.length() : text.indexOf(to, start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    /** The backticked names in the first column of every table row of {@code text}. */
    private static Set<String> firstColumnNames(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith("| `")) continue;
            String first = line.substring(1, line.indexOf('|', 1));
            Matcher name = CODE.matcher(first);
            while (name.find()) names.add(name.group(1));
        }
        return names;
    }
}
