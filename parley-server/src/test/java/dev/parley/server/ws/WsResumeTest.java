package dev.parley.server.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Resume: exactly the missing events in order, before the reply, and the three lists. */
@Timeout(60)
class WsResumeTest {
    @TempDir
    static Path dir;

    private static WsFixture fixture;

    @BeforeAll
    static void start() {
        fixture = WsFixture.start(dir, Map.of("PARLEY_RESUME_MAX_EVENTS", "10"));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static List<Long> seqs(WsClient client, String conversationId) {
        return client.eventsOf(conversationId).stream().map(e -> e.path("seq").asLong()).toList();
    }

    @Test
    void resumeReplaysExactlyTheMissingEventsInOrderBeforeItsReply() {
        WsFixture.User ann = fixture.register("ann");
        WsFixture.User bob = fixture.register("bob");
        String team = fixture.group(ann, bob);
        for (int i = 1; i <= 6; i++) fixture.send(ann, team, "m" + i);
        WsClient client = fixture.connect(bob);

        JsonNode result = client.resume(Map.of(team, 3L));

        assertThat(seqs(client, team)).containsExactly(4L, 5L, 6L, 7L);
        assertThat(client.eventsOf(team)).extracting(e -> e.path("data").path("message").path("text").asText())
                .containsExactly("m3", "m4", "m5", "m6");
        int replyIndex = client.frames.indexOf(client.frames.stream()
                .filter(f -> f.path("type").asText().equals("ok")).findFirst().orElseThrow());
        assertThat(replyIndex).as("the reply comes after the replay").isEqualTo(4);
        assertThat(result.path("tooFarBehind")).isEmpty();
        assertThat(result.path("unknown")).isEmpty();
        assertThat(result.path("removed")).isEmpty();

        fixture.send(ann, team, "live");
        await().until(() -> seqs(client, team).size() == 5);
        assertThat(seqs(client, team)).containsExactly(4L, 5L, 6L, 7L, 8L);
    }

    @Test
    void resumeNamesWhatItCannotReplayWhatIsNewAndWhatIsGone() {
        WsFixture.User ann = fixture.register("ann");
        WsFixture.User bob = fixture.register("bob");
        String busy = fixture.group(ann, bob);
        String fresh = fixture.group(ann, bob);
        String left = fixture.group(ann, bob);
        String quiet = fixture.group(ann, bob);
        for (int i = 0; i < 12; i++) fixture.send(ann, busy, "b" + i);
        fixture.send(ann, fresh, "new");
        fixture.removeMember(ann, left, bob);
        WsClient client = fixture.connect(bob);

        JsonNode result = client.resume(Map.of(busy, 1L, left, 1L, quiet, 1L, "c_does_not_exist", 4L));

        assertThat(result.path("tooFarBehind")).hasSize(1);
        assertThat(result.path("tooFarBehind").path(0).path("conversationId").asText()).isEqualTo(busy);
        assertThat(result.path("tooFarBehind").path(0).path("lastSeq").asLong()).isEqualTo(13);
        assertThat(result.path("unknown")).hasSize(1);
        assertThat(result.path("unknown").path(0).path("conversationId").asText()).isEqualTo(fresh);
        assertThat(result.path("unknown").path(0).path("lastSeq").asLong()).isEqualTo(2);
        assertThat(result.path("removed")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(left, "c_does_not_exist");
        assertThat(client.frames.stream().filter(f -> f.path("type").asText().equals("event"))).isEmpty();

        fixture.send(ann, busy, "after");
        fixture.send(ann, fresh, "after");
        await().until(() -> seqs(client, busy).size() == 1 && seqs(client, fresh).size() == 1);
        assertThat(seqs(client, busy)).as("it continues from lastSeq").containsExactly(14L);
        assertThat(seqs(client, fresh)).containsExactly(3L);
    }

    @Test
    void aClientAheadOfTheServerIsTooFarBehindToo() {
        WsFixture.User ann = fixture.register("ann");
        String solo = fixture.group(ann);
        WsClient client = fixture.connect(ann);

        JsonNode result = client.resume(Map.of(solo, 99L));

        assertThat(result.path("tooFarBehind").path(0).path("lastSeq").asLong()).isEqualTo(1);
    }
}
