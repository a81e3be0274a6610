package dev.parley.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.server.config.RealtimeSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad frames get error replies (with the request id when it was usable) and never close the
 * connection (below the transport's hard limit), affect another connection or change data.
 */
@Timeout(60)
class WsBadFramesTest {
    @TempDir
    static Path dir;

    private static WsFixture fixture;

    @BeforeAll
    static void start() {
        fixture = WsFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    /** Sends a raw frame and returns the next frame that arrives (an error reply with id null). */
    private static JsonNode rawReply(WsClient client, String text) {
        int before = client.frames.size();
        client.sendText(text);
        org.awaitility.Awaitility.await().until(() -> client.frames.size() > before);
        return client.frames.get(before);
    }

    @Test
    void unreadableFramesAreAnsweredWithoutAnId() {
        WsFixture.User ann = fixture.register("ann");
        WsClient client = fixture.live(ann);

        JsonNode notJson = rawReply(client, "{not json");
        assertThat(notJson.path("type").asText()).isEqualTo("error");
        assertThat(notJson.get("id").isNull()).isTrue();
        assertThat(notJson.path("error").path("code").asText()).isEqualTo("validation_failed");
        assertThat(notJson.path("error").path("details").path(0).path("field").asText()).isEqualTo("frame");

        assertThat(rawReply(client, "[1,2]").path("error").path("details").path(0).path("field").asText())
                .isEqualTo("frame");
        JsonNode noId = rawReply(client, "{\"op\":\"ping\"}");
        assertThat(noId.get("id").isNull()).isTrue();
        assertThat(noId.path("error").path("details").path(0).path("field").asText()).isEqualTo("id");
        assertThat(rawReply(client, "{\"id\":17,\"op\":\"ping\"}").get("id").isNull()).as("a number is no id").isTrue();
        assertThat(rawReply(client, "{\"id\":\"" + "x".repeat(65) + "\",\"op\":\"ping\"}").get("id").isNull()).isTrue();

        assertThat(client.ok("ping", null).has("at")).isTrue();
    }

    @Test
    void framesAboveTheLimitAndBinaryFramesAreRefusedWithAnError() {
        WsFixture.User ann = fixture.register("ann");
        WsClient client = fixture.live(ann);

        JsonNode big = rawReply(client, "{\"id\":\"1\",\"op\":\"ping\",\"data\":{\"x\":\"" + "é".repeat(40_000) + "\"}}");
        assertThat(big.path("error").path("code").asText()).isEqualTo("payload_too_large");
        assertThat(big.get("id").isNull()).isTrue();

        int before = client.frames.size();
        client.sendBinary(new byte[] {1, 2, 3});
        org.awaitility.Awaitility.await().until(() -> client.frames.size() > before);
        assertThat(client.frames.get(before).path("error").path("code").asText()).isEqualTo("unsupported_media_type");

        assertThat(client.ok("ping", null).has("at")).isTrue();
    }

    @Test
    void aFrameAboveTheHardLimitClosesWith1009() {
        WsFixture.User ann = fixture.register("ann");
        WsClient client = fixture.live(ann);
        WsClient bystander = fixture.live(ann);

        // Fragments the server reads whole; only the last, small one crosses the limit, so the
        // server closes with nothing of ours unread and the close frame is not lost to a reset.
        List<String> parts = new java.util.ArrayList<>();
        parts.add("{\"id\":\"1\",\"op\":\"ping\",\"data\":{\"x\":\"");
        for (int i = 0; i < 16; i++) parts.add("a".repeat(RealtimeSettings.HARD_FRAME_LIMIT_BYTES / 16 - 64));
        parts.add("a".repeat(2_000) + "\"}}");
        client.sendTextInParts(parts);

        assertThat(client.awaitClose().code()).isEqualTo(1009);
        assertThat(bystander.ok("ping", null).has("at")).isTrue();
    }

    @Test
    void badRequestsGetErrorRepliesWithTheirIdAndChangeNothing() {
        WsFixture.User ann = fixture.register("ann");
        WsFixture.User bob = fixture.register("bob");
        WsFixture.User eve = fixture.register("eve");
        String team = fixture.group(ann, bob);
        fixture.send(ann, team, "hello");
        WsClient client = fixture.live(eve);
        WsClient bobClient = fixture.live(bob);

        JsonNode unknownOp = client.request("message.explode", Map.of());
        assertThat(unknownOp.path("id").asText()).isNotEmpty();
        assertThat(unknownOp.path("error").path("code").asText()).isEqualTo("validation_failed");
        assertThat(unknownOp.path("error").path("details").path(0).path("field").asText()).isEqualTo("op");

        assertThat(client.request("message.send", Map.of("conversationId", team, "clientMessageId", "e-1", "text", "x"))
                .path("error").path("code").asText()).as("not a member: 404").isEqualTo("not_found");
        assertThat(client.error("focus", Map.of("conversationId", team))).isEqualTo("not_found");
        assertThat(client.error("typing.start", Map.of("conversationId", team))).isEqualTo("not_found");
        assertThat(client.error("read", Map.of("conversationId", team))).isEqualTo("not_found");
        assertThat(client.error("history", Map.of("conversationId", team))).isEqualTo("not_found");

        JsonNode missing = client.request("message.send", Map.of("text", "x"));
        assertThat(missing.path("error").path("details").path(0).path("field").asText()).isEqualTo("conversationId");
        JsonNode wrongType = client.request("read", Map.of("conversationId", team, "seq", "three"));
        assertThat(wrongType.path("error").path("code").asText()).isEqualTo("validation_failed");
        assertThat(wrongType.path("error").path("details").path(0).path("field").asText()).isEqualTo("seq");
        JsonNode unknownField = client.request("ping", Map.of("surprise", 1));
        assertThat(unknownField.path("type").asText()).as("ping takes no data but ignores none either").isEqualTo("ok");
        JsonNode extraField = client.request("typing.start", Map.of("conversationId", team, "extra", true));
        assertThat(extraField.path("error").path("details").path(0).path("field").asText()).isEqualTo("extra");
        JsonNode dataNotObject = rawReply(client, "{\"id\":\"9\",\"op\":\"read\",\"data\":[1]}");
        assertThat(dataNotObject.path("id").asText()).isEqualTo("9");
        assertThat(dataNotObject.path("error").path("details").path(0).path("field").asText()).isEqualTo("data");
        assertThat(client.error("presence.get", Map.of("userIds", java.util.Collections.nCopies(101, ann.id()))))
                .isEqualTo("validation_failed");
        assertThat(client.error("presence.set", Map.of("status", "offline"))).isEqualTo("validation_failed");
        assertThat(client.error("delivered", Map.of("conversationId", team))).isEqualTo("validation_failed");
        assertThat(client.error("resume", Map.of("conversations", Map.of(team, -1)))).isEqualTo("validation_failed");

        assertThat(fixture.history(ann, team).path("items")).extracting(m -> m.path("text").asText())
                .containsExactly("hello");
        assertThat(client.ok("ping", null).has("at")).isTrue();
        assertThat(bobClient.ok("ping", null).has("at")).isTrue();
        assertThat(bobClient.eventsOf(team)).isEmpty();
    }

    @Test
    void anyOpButAuthAndPingNeedsAnAuthenticatedConnection() {
        WsClient client = fixture.connectAnonymous();

        for (String op : List.of("resume", "message.send", "focus", "presence.get", "history", "read")) {
            assertThat(client.error(op, Map.of())).as(op).isEqualTo("unauthenticated");
        }
        assertThat(client.isOpen()).isTrue();
    }
}
