package dev.parley.e2e;

import static dev.parley.e2e.Expect.fails;
import static dev.parley.e2e.Expect.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.client.ParleyApiException;
import dev.parley.client.ParleyClient;
import dev.parley.client.Tokens;
import dev.parley.client.model.Session;
import dev.parley.client.model.TokenResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedServer.class)
class AuthE2eTest {
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private final Chat chat;

    AuthE2eTest(Chat chat) {
        this.chat = chat;
    }

    @Test
    void registerAnswers201WithTheUserAndTokensThatWork() {
        String username = Chat.unique("Reg");
        RawHttp.Answer answer = chat.raw().send("POST", "/api/v1/auth/register", JSON,
                "{\"username\":\"" + username + "\",\"password\":\"" + Chat.PASSWORD + "\",\"displayName\":\"Reg One\","
                        + "\"email\":\"reg@example.org\"}");

        assertThat(answer.status()).isEqualTo(201);
        JsonNode body = answer.json();
        assertThat(body.path("user").path("username").asText()).isEqualTo(username);
        assertThat(body.path("user").path("displayName").asText()).isEqualTo("Reg One");
        assertThat(body.path("user").path("email").asText()).isEqualTo("reg@example.org");
        assertThat(body.path("expiresIn").asLong()).isPositive();
        assertThat(body.path("sessionId").asText()).isNotBlank();

        ParleyClient client = chat.withBearer(body.path("accessToken").asText());
        RawHttp.Answer me = chat.raw().get("/api/v1/users/me", Map.of("Authorization", "Bearer "
                + body.path("accessToken").asText()));
        assertThat(me.json()).as("GET /users/me reads back the user that register answered").isEqualTo(body.path("user"));
        assertThat(client.users().me().id()).isEqualTo(body.path("user").path("id").asText());
    }

    @Test
    void usernamesAreUniqueIgnoringCase() {
        Person ada = chat.register("Ada");

        fails(409, () -> chat.anonymous().auth().register(ada.username().toUpperCase(), Chat.PASSWORD, null, null));
    }

    @Test
    void invalidRegistrationNamesEveryBadFieldAndCreatesNothing() {
        String username = Chat.unique("Val");
        ParleyApiException e = fails(400, () -> chat.anonymous().auth().register(username, "short", null, "not-an-email"));
        assertThat(e.details()).extracting(ParleyApiException.FieldError::field).contains("password", "email");
        invalid("username", () -> chat.anonymous().auth().register("x", Chat.PASSWORD, null, null));
        invalid("username", () -> chat.anonymous().auth().register("no spaces allowed", Chat.PASSWORD, null, null));

        fails(401, () -> chat.anonymous().auth().login(username, "short"));
        TokenResponse created = chat.anonymous().auth().register(username, Chat.PASSWORD, null, null);
        assertThat(created.user().username()).isEqualTo(username);
    }

    @Test
    void loginChecksThePasswordAndStartsANewSession() {
        Person ada = chat.register("Ada");
        ParleyClient laptop = chat.anonymous();

        TokenResponse tokens = laptop.auth().login(ada.username(), ada.password());

        assertThat(tokens.user().id()).isEqualTo(ada.id());
        assertThat(tokens.sessionId()).isNotEqualTo(ada.client().tokens().sessionId());
        assertThat(laptop.users().me().id()).isEqualTo(ada.id());
        assertThat(chat.anonymous().auth().login(ada.username().toUpperCase(), ada.password()).user().id())
                .isEqualTo(ada.id());
        fails(401, () -> chat.anonymous().auth().login(ada.username(), "wrong-password-123"));
        fails(401, () -> chat.anonymous().auth().login(Chat.unique("nobody"), Chat.PASSWORD));
    }

    @Test
    void refreshRotatesTheRefreshTokenAndKeepsTheSession() {
        Person ada = chat.register("Ada");
        Tokens before = ada.client().tokens();

        TokenResponse renewed = chat.anonymous().auth().refresh(before.refreshToken());

        assertThat(renewed.sessionId()).isEqualTo(before.sessionId());
        assertThat(renewed.refreshToken()).isNotEqualTo(before.refreshToken());
        assertThat(chat.withBearer(renewed.accessToken()).users().me().id()).isEqualTo(ada.id());
        fails(401, () -> chat.anonymous().auth().refresh(before.refreshToken()));
        fails(401, () -> chat.anonymous().auth().refresh("never-issued"));
        invalid("refreshToken", () -> chat.anonymous().auth().refresh(""));
    }

    @Test
    void logoutRevokesTheSessionsAccessAndRefreshTokens() {
        Person ada = chat.register("Ada");
        Tokens tokens = ada.client().tokens();

        ada.client().auth().logout();

        ParleyClient stale = chat.builder().autoRefresh(false).tokens(tokens).build();
        fails(401, () -> stale.users().me());
        fails(401, () -> chat.anonymous().auth().refresh(tokens.refreshToken()));
        assertThat(ada.client().tokens()).isNull();
    }

    @Test
    void changingThePasswordRevokesTheOtherSessionsOnly() {
        Person ada = chat.register("Ada");
        ParleyClient phone = chat.builder().autoRefresh(false).build();
        phone.auth().login(ada.username(), ada.password());

        invalid("currentPassword", () -> ada.client().auth().changePassword("wrong-password-123", "brand-new-password"));
        invalid("newPassword", () -> ada.client().auth().changePassword(ada.password(), "short"));
        assertThat(phone.users().me().id()).isEqualTo(ada.id());

        ada.client().auth().changePassword(ada.password(), "brand-new-password");

        assertThat(ada.client().users().me().id()).isEqualTo(ada.id());
        fails(401, () -> phone.users().me());
        fails(401, () -> chat.anonymous().auth().login(ada.username(), ada.password()));
        assertThat(chat.anonymous().auth().login(ada.username(), "brand-new-password").user().id()).isEqualTo(ada.id());
    }

    @Test
    void sessionsListMyDevicesAndOneCanBeRevoked() {
        Person ada = chat.register("Ada");
        ParleyClient tablet = chat.builder().userAgent("e2e-tablet").autoRefresh(false).build();
        tablet.auth().login(ada.username(), ada.password());
        String tabletSession = tablet.tokens().sessionId();

        List<Session> sessions = ada.client().auth().sessions();

        assertThat(sessions).extracting(Session::id).contains(ada.client().tokens().sessionId(), tabletSession);
        assertThat(sessions).filteredOn(Session::current).extracting(Session::id)
                .containsExactly(ada.client().tokens().sessionId());
        assertThat(sessions).filteredOn(s -> s.id().equals(tabletSession)).extracting(Session::userAgent)
                .containsExactly("e2e-tablet");

        ada.client().auth().revokeSession(tabletSession);

        fails(401, () -> tablet.users().me());
        assertThat(ada.client().auth().sessions()).extracting(Session::id).doesNotContain(tabletSession);
        fails(404, () -> ada.client().auth().revokeSession("no-such-session"));
        Person bob = chat.register("Bob");
        fails(404, () -> bob.client().auth().revokeSession(ada.client().tokens().sessionId()));
        assertThat(ada.client().users().me().id()).isEqualTo(ada.id());
    }

    @Test
    void callsWithoutValidCredentialsAre401AndThePlatformKeyCannotActAsAPerson() {
        fails(401, () -> chat.anonymous().users().me());
        fails(401, () -> chat.withBearer("not-a-jwt").users().me());
        fails(401, () -> chat.withBearer("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl").users().me());
        fails(401, () -> chat.builder().apiKey("wrong-key-0123456789abcdefgh").build().users().me());
        fails(403, () -> chat.platform().auth().sessions());
        fails(403, () -> chat.platform().users().me());
    }

    @Test
    void theClientRenewsARefusedAccessTokenWithItsRefreshToken() {
        Person ada = chat.register("Ada");
        Tokens real = ada.client().tokens();
        ParleyClient client = chat.builder().tokens(new Tokens("expired-or-garbage", real.refreshToken(),
                real.sessionId())).build();

        assertThat(client.users().me().id()).isEqualTo(ada.id());

        assertThat(client.tokens().accessToken()).isNotEqualTo("expired-or-garbage");
        assertThat(client.tokens().refreshToken()).isNotEqualTo(real.refreshToken());
        assertThat(client.tokens().sessionId()).isEqualTo(real.sessionId());
    }
}
