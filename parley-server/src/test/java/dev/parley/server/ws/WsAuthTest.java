package dev.parley.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testkit.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Authentication on sockets: by header, by frame, deadlines, token expiry and refresh. */
@Timeout(60)
class WsAuthTest {
    @TempDir
    Path dir;

    private WsFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) fixture.close();
    }

    @Test
    void aBearerHeaderAuthenticatesTheConnection() {
        fixture = WsFixture.start(dir);
        WsFixture.User ann = fixture.register("ann");
        WsClient client = fixture.connect(ann);

        JsonNode resumed = client.resume(Map.of());

        assertThat(resumed.path("unknown").isArray()).isTrue();
        assertThat(client.ok("ping", null).path("at").asText()).isNotEmpty();
    }

    @Test
    void anAuthFrameAuthenticatesAndAnswersUserAndExpiry() {
        fixture = WsFixture.start(dir);
        WsFixture.User ann = fixture.register("ann");
        WsClient client = fixture.connectAnonymous();

        assertThat(client.error("resume", Map.of("conversations", Map.of()))).isEqualTo("unauthenticated");
        JsonNode result = client.ok("auth", Map.of("token", ann.token()));

        assertThat(result.path("userId").asText()).isEqualTo(ann.id());
        assertThat(Instant.parse(result.path("expiresAt").asText())).isAfter(Instant.now().plusSeconds(60));
        assertThat(client.resume(Map.of()).path("removed")).isEmpty();
        assertThat(client.isOpen()).isTrue();
    }

    @Test
    void aConnectionThatDoesNotAuthenticateInTimeIsClosedWith4101() {
        fixture = WsFixture.start(dir, Map.of("PARLEY_WS_AUTH_TIMEOUT", "300ms"));
        WsClient client = fixture.connectAnonymous();

        assertThat(client.ok("ping", null).has("at")).as("ping works before auth").isTrue();
        assertThat(client.awaitClose().code()).isEqualTo(4101);
    }

    @Test
    void aRefusedHeaderClosesWith4401AndARefusedFirstAuthFrameToo() {
        fixture = WsFixture.start(dir);
        WsClient badHeader = WsClient.open(fixture.wsUri(), "not-a-token", true);
        assertThat(badHeader.awaitClose().code()).isEqualTo(4401);

        WsClient badFrame = fixture.connectAnonymous();
        JsonNode reply = badFrame.request("auth", Map.of("token", WsFixture.API_KEY));
        assertThat(reply.path("error").path("code").asText()).as("the API key is no socket credential")
                .isEqualTo("unauthenticated");
        assertThat(badFrame.awaitClose().code()).isEqualTo(4401);
    }

    @Test
    void anExpiredTokenClosesWith4100AndARefreshedOneKeepsTheConnection() {
        ManualClock clock = new ManualClock(Instant.now());
        fixture = WsFixture.start(dir, Map.of("PARLEY_ACCESS_TOKEN_TTL", "1m"), clock);
        WsFixture.User ann = fixture.register("ann");
        WsClient refreshed = fixture.live(ann);
        WsClient witness = fixture.live(ann);

        clock.advance(Duration.ofSeconds(50));
        WsFixture.User fresh = fixture.refresh(ann);
        JsonNode result = refreshed.ok("auth", Map.of("token", fresh.token()));
        assertThat(Instant.parse(result.path("expiresAt").asText())).isAfter(clock.instant().plusSeconds(50));
        clock.advance(Duration.ofSeconds(20));

        assertThat(witness.awaitClose().code()).isEqualTo(4100);
        assertThat(refreshed.isOpen()).isTrue();
        assertThat(refreshed.ok("ping", null).has("at")).isTrue();
    }

    @Test
    void aTokenOfAnotherUserCannotTakeOverAConnection() {
        fixture = WsFixture.start(dir);
        WsFixture.User ann = fixture.register("ann");
        WsFixture.User bob = fixture.register("bob");
        WsClient client = fixture.live(ann);

        assertThat(client.error("auth", Map.of("token", bob.token()))).isEqualTo("forbidden");
        assertThat(client.error("auth", Map.of("token", "garbage"))).isEqualTo("unauthenticated");
        assertThat(client.ok("ping", null).has("at")).as("a failed refresh keeps the connection").isTrue();
    }
}
