package dev.parley.e2e;

import static dev.parley.e2e.Expect.fails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ParleyApiException;
import dev.parley.client.ParleyClient;
import dev.parley.client.model.Conversation;
import dev.parley.client.model.HistoryQuery;
import dev.parley.client.model.NewConversation;
import dev.parley.client.model.NewMessage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A dedicated server with tiny limits: two sends and three logins per hour and user. */
class RateLimitE2eTest {
    private static TestServer server;
    private static Chat chat;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("PARLEY_RATE_LIMITS",
                "send=2/1h,edit=1000/1s,react=1000/1s,create_conversation=1000/1s,login=3/1h"));
        chat = new Chat(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void theThirdSendIs429WithRetryAfterAndStoresNothing() {
        Person ada = chat.register("Ada");
        Conversation notes = ada.client().conversations().create(NewConversation.group("Notes")).value();
        ada.client().messages().send(notes.id(), NewMessage.text("r1", "one"));
        ada.client().messages().send(notes.id(), NewMessage.text("r2", "two"));

        ParleyApiException limited = fails(429, () -> ada.client().messages().send(notes.id(),
                NewMessage.text("r3", "three")));

        assertThat(limited.retryAfter()).isNotNull().isGreaterThanOrEqualTo(Duration.ofSeconds(1))
                .isLessThanOrEqualTo(Duration.ofHours(1));
        assertThat(ada.client().messages().history(notes.id(), HistoryQuery.NEWEST).items()).hasSize(2);
        assertThat(ada.client().messages().send(notes.id(), NewMessage.text("r2", "two")).created()).isFalse();

        Person bob = chat.register("Bob");
        Conversation bobs = bob.client().conversations().create(NewConversation.group("Bob's")).value();
        assertThat(bob.client().messages().send(bobs.id(), NewMessage.text("b1", "mine")).created()).isTrue();
    }

    @Test
    void repeatedLoginsOfOneUsernameAreLimited() {
        Person ada = chat.register("Ada");
        ParleyClient client = chat.anonymous();
        client.auth().login(ada.username(), ada.password());
        client.auth().login(ada.username(), ada.password());
        fails(401, () -> client.auth().login(ada.username(), "wrong-password-123"));

        ParleyApiException limited = fails(429, () -> client.auth().login(ada.username(), ada.password()));

        assertThat(limited.retryAfter()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
}
