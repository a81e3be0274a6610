package dev.parley.e2e.realtime;

import static dev.parley.e2e.realtime.Socket.data;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.e2e.realtime.People.Account;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The close codes of a connection's life: {@code 4101} without authentication in time, {@code 4401}
 * for refused credentials, {@code 4100} when the token expires unless renewed with {@code auth},
 * {@code 4001} for a client that answers no ping, {@code 1001} when the server stops. The server
 * runs with short deadlines (authentication 500 ms, pings every 200 ms, timeout 1 s).
 */
@Timeout(60)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectionLifecycleTest {
    private static RealtimeServer server;
    private static People people;

    @BeforeAll
    static void startServer() {
        server = RealtimeServer.start(Map.of("PARLEY_WS_AUTH_TIMEOUT", "500ms", "PARLEY_WS_PING_INTERVAL", "200ms",
                "PARLEY_WS_PING_TIMEOUT", "1s"));
        people = new People(server);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    @Test
    @Order(1)
    void aConnectionThatDoesNotAuthenticateInTimeIsClosedWith4101() {
        try (Socket anonymous = Socket.connect(server.socketUri(), null, "anonymous")) {
            assertThat(anonymous.error("resume", data("conversations", Map.of())).path("code").asText())
                    .isEqualTo("unauthenticated");
            assertThat(anonymous.awaitClosed(Duration.ofSeconds(5))).isEqualTo(4101);
        }
    }

    @Test
    @Order(2)
    void refusedCredentialsCloseWith4401() {
        try (Socket byHeader = Socket.connect(server.socketUri(), "not-a-token", "bad-header")) {
            assertThat(byHeader.awaitClosed(Duration.ofSeconds(5))).isEqualTo(4401);
        }
        try (Socket byFrame = Socket.connect(server.socketUri(), null, "bad-frame")) {
            assertThat(byFrame.error("auth", data("token", "not-a-token")).path("code").asText()).isEqualTo("unauthenticated");
            assertThat(byFrame.awaitClosed(Duration.ofSeconds(5))).isEqualTo(4401);
        }
    }

    @Test
    @Order(3)
    void aTokenThatExpiresClosesWith4100UnlessAFreshOneArrivesInTime() {
        Account ada = people.host("Ada");
        Account bob = people.host("Bob");
        String shortLived = People.hostToken(ada, Duration.ofSeconds(2));
        try (Socket expiring = Socket.connect(server.socketUri(), shortLived, "ada-expiring");
             Socket renewed = Socket.connect(server.socketUri(), null, "ada-renewed")) {
            renewed.ok("auth", data("token", shortLived));
            JsonNode refreshed = renewed.ok("auth", data("token", People.hostToken(ada, Duration.ofMinutes(5))));
            assertThat(refreshed.path("userId").asText()).isEqualTo(ada.id());
            assertThat(renewed.error("auth", data("token", bob.token())).path("code").asText())
                    .as("a token of someone else").isEqualTo("forbidden");
            assertThat(renewed.error("auth", data("token", "garbage")).path("code").asText())
                    .as("a refused renewal keeps the connection").isEqualTo("unauthenticated");

            assertThat(expiring.awaitClosed(Duration.ofSeconds(10))).isEqualTo(4100);
            assertThat(renewed.ok("resume", data("conversations", Map.of())).path("removed").isArray()).isTrue();
            assertThat(renewed.isOpen()).isTrue();
        }
    }

    @Test
    @Order(4)
    void aClientThatAnswersNoPingIsClosedWith4001WhileOneThatAnswersStays() {
        Account ada = people.host("Ada");
        try (Socket answering = Socket.connect(server.socketUri(), ada.token(), "ada-answering");
             WireSocket silent = WireSocket.connect(server.socketUri(), ada.token(), 65_536)) {
            answering.resume(Map.of());
            silent.ignorePings();
            WireSocket.Frame frame = silent.read();
            while (frame != null && frame.opcode() != WireSocket.CLOSE) frame = silent.read();
            assertThat(frame).as("a close frame").isNotNull();
            assertThat(frame.closeCode()).isEqualTo(4001);
            assertThat(answering.ok("ping", null).path("at").isTextual()).isTrue();
            assertThat(answering.isOpen()).isTrue();
        }
    }

    @Test
    @Order(5)
    void stoppingTheServerClosesEverySocketWith1001() {
        Account ada = people.host("Ada");
        Account bob = people.host("Bob");
        Socket first = Socket.connect(server.socketUri(), ada.token(), "ada-last");
        Socket second = Socket.connect(server.socketUri(), bob.token(), "bob-last");
        first.resume(Map.of());
        second.resume(Map.of());
        server.server().stop();
        assertThat(first.awaitClosed(Duration.ofSeconds(10))).isEqualTo(1001);
        assertThat(second.awaitClosed(Duration.ofSeconds(10))).isEqualTo(1001);
    }
}
