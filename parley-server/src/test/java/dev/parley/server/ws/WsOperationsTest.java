package dev.parley.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Request and reply for every operation, over one server; each test uses its own people and conversations. */
@Timeout(60)
class WsOperationsTest {
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

    @Test
    void messageSendAnswersTheCallersViewAndARetryReturnsTheOriginal() {
        WsFixture.User ann = fixture.register("ann");
        WsFixture.User bob = fixture.register("bob");
        String team = fixture.group(ann, bob);
        WsClient client = fixture.live(ann);

        JsonNode first = client.ok("message.send", Map.of("conversationId", team, "clientMessageId", "a-1", "text", "hi"));
        JsonNode again = client.ok("message.send", Map.of("conversationId", team, "clientMessageId", "a-1", "text", "hi"));

        assertThat(first.path("created").asBoolean()).isTrue();
        assertThat(first.path("message").path("text").asText()).isEqualTo("hi");
        assertThat(first.path("message").path("delivery").path("status").asText()).isEqualTo("sent");
        assertThat(again.path("created").asBoolean()).isFalse();
        assertThat(again.path("message").path("id")).isEqualTo(first.path("message").path("id"));
        JsonNode rest = fixture.call("POST", "/api/v1/conversations/" + team + "/messages", ann,
                Map.of("clientMessageId", "a-1", "text", "hi"), 200);
        assertThat(rest.path("id")).as("a REST retry of a socket send").isEqualTo(first.path("message").path("id"));
    }

    @Test
    void editDeleteForwardReactAndPin() {
        WsFixture.User ann = fixture.register("ann");
        WsFixture.User bob = fixture.register("bob");
        String team = fixture.group(ann, bob);
        String other = fixture.group(ann);
        WsClient client = fixture.live(ann);
        String id = client.ok("message.send", Map.of("conversationId", team, "clientMessageId", "m-1", "text", "draft"))
                .path("message").path("id").asText();

        JsonNode edited = client.ok("message.edit", Map.of("messageId", id, "text", "hello @bob",
                "mentions", List.of(bob.id())));
        assertThat(edited.path("message").path("text").asText()).isEqualTo("hello @bob");
        assertThat(edited.path("message").path("mentions")).hasSize(1);

        assertThat(client.ok("reaction.add", Map.of("messageId", id, "emoji", "👍")).isEmpty()).isTrue();
        assertThat(client.ok("message.pin", Map.of("messageId", id)).isEmpty()).isTrue();
        JsonNode seen = fixture.call("GET", "/api/v1/messages/" + id, ann, null, 200);
        assertThat(seen.path("reactions").path(0).path("emoji").asText()).isEqualTo("👍");
        assertThat(seen.path("pinned").asBoolean()).isTrue();
        assertThat(client.ok("reaction.remove", Map.of("messageId", id, "emoji", "👍")).isEmpty()).isTrue();
        assertThat(client.ok("message.unpin", Map.of("messageId", id)).isEmpty()).isTrue();

        JsonNode forwarded = client.ok("message.forward", Map.of("messageId", id, "conversationId", other,
                "clientMessageId", "f-1"));
        assertThat(forwarded.path("created").asBoolean()).isTrue();
        assertThat(forwarded.path("message").path("conversationId").asText()).isEqualTo(other);
        assertThat(forwarded.path("message").path("forwardedFrom").path("messageId").asText()).isEqualTo(id);

        JsonNode deleted = client.ok("message.delete", Map.of("messageId", id));
        assertThat(deleted.path("message").path("deletedAt").isNull()).isFalse();
        assertThat(deleted.path("message").path("text").isNull()).isTrue();
    }

    @Test
    void readDeliveredAndHistory() {
        WsFixture.User ann = fixture.register("ann");
        WsFixture.User bob = fixture.register("bob");
        String team = fixture.group(ann, bob);
        for (int i = 1; i <= 5; i++) fixture.send(ann, team, "m" + i);
        WsClient client = fixture.live(bob);

        assertThat(client.ok("delivered", Map.of("conversationId", team, "seq", 4)).path("deliveredSeq").asLong())
                .isEqualTo(4);
        assertThat(client.ok("read", Map.of("conversationId", team, "seq", 3)).path("readSeq").asLong()).isEqualTo(3);
        assertThat(client.ok("read", Map.of("conversationId", team)).path("readSeq").asLong()).isEqualTo(6);

        JsonNode newest = client.ok("history", Map.of("conversationId", team, "limit", 2));
        assertThat(newest.path("items")).extracting(m -> m.path("text").asText()).containsExactly("m4", "m5");
        assertThat(newest.path("hasOlder").asBoolean()).isTrue();
        assertThat(newest.path("hasNewer").asBoolean()).isFalse();
        JsonNode older = client.ok("history", Map.of("conversationId", team, "before", 5, "limit", 2));
        assertThat(older.path("items")).extracting(m -> m.path("text").asText()).containsExactly("m2", "m3");
        JsonNode after = client.ok("history", Map.of("conversationId", team, "after", 4));
        assertThat(after.path("items")).extracting(m -> m.path("text").asText()).containsExactly("m4", "m5");
    }

    @Test
    void focusBlurTypingAndPresence() {
        WsFixture.User ann = fixture.register("ann");
        WsFixture.User bob = fixture.register("bob");
        WsFixture.User stranger = fixture.register("stranger");
        String team = fixture.group(ann, bob);
        WsClient annClient = fixture.live(ann);
        WsClient bobClient = fixture.live(bob);

        assertThat(bobClient.ok("focus", Map.of("conversationId", team)).path("typing")).isEmpty();
        assertThat(annClient.ok("typing.start", Map.of("conversationId", team)).isEmpty()).isTrue();
        assertThat(bobClient.ok("focus", Map.of("conversationId", team)).path("typing"))
                .extracting(JsonNode::asText).containsExactly(ann.id());
        assertThat(annClient.ok("typing.stop", Map.of("conversationId", team)).isEmpty()).isTrue();
        assertThat(bobClient.ok("blur", Map.of("conversationId", team)).isEmpty()).isTrue();

        JsonNode set = annClient.ok("presence.set", Map.of("status", "dnd", "statusText", "Focus time"));
        assertThat(set.path("presence").path("userId").asText()).isEqualTo(ann.id());
        assertThat(set.path("presence").path("status").asText()).isEqualTo("dnd");
        assertThat(set.path("presence").path("statusText").asText()).isEqualTo("Focus time");

        JsonNode got = bobClient.ok("presence.get", Map.of("userIds", List.of(ann.id(), stranger.id(), bob.id())));
        assertThat(got.path("items")).extracting(p -> p.path("userId").asText()).as("strangers are left out")
                .containsExactly(ann.id(), bob.id());
        assertThat(got.path("items").path(0).path("status").asText()).isEqualTo("dnd");
        assertThat(got.path("items").path(1).path("status").asText()).isEqualTo("online");
    }

    @Test
    void pingAnswersTheServerTime() {
        WsFixture.User ann = fixture.register("ann");
        WsClient client = fixture.connect(ann);

        assertThat(client.ok("ping", null).path("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void aSecondResumeIsAConflict() {
        WsFixture.User ann = fixture.register("ann");
        WsClient client = fixture.live(ann);

        assertThat(client.error("resume", Map.of("conversations", Map.of()))).isEqualTo("conflict");
    }
}
