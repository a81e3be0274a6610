package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parley.client.StubServer.Reply;
import dev.parley.client.StubServer.Request;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TokenRefreshTest {
    private static final String USER = """
            {"id":"u1","username":"ada","displayName":"Ada","email":"ada@example.org","avatarUrl":null,
             "statusText":null,"createdAt":"2026-01-05T09:00:00Z"}""";
    private static final String UNAUTHENTICATED =
            "{\"error\":{\"code\":\"unauthenticated\",\"message\":\"The token has expired\",\"details\":[]}}";

    private static String tokens(String access, String refresh) {
        return "{\"user\":" + USER + ",\"accessToken\":\"" + access + "\",\"refreshToken\":\"" + refresh
                + "\",\"expiresIn\":900,\"sessionId\":\"s1\"}";
    }

    /** Accepts only access token "fresh"; a refresh with "r1" hands out fresh/r2, any other refresh token 401. */
    private static final Function<Request, Reply> SERVER = r -> {
        if (r.path().equals("/api/v1/auth/refresh")) {
            return r.body().contains("\"r1\"") ? Reply.json(200, tokens("fresh", "r2")) : Reply.json(401, UNAUTHENTICATED);
        }
        if (r.path().equals("/api/v1/auth/login")) return Reply.json(200, tokens("stale", "r1"));
        return "Bearer fresh".equals(r.header("Authorization")) ? Reply.json(200, USER) : Reply.json(401, UNAUTHENTICATED);
    };

    @Test
    void aRefusedAccessTokenIsRefreshedOnceAndTheCallRepeated() throws Exception {
        try (StubServer stub = new StubServer(SERVER)) {
            ParleyClient client = ParleyClient.builder(stub.url()).build();
            client.auth().login("ada", "secret-password");

            assertThat(client.users().me().username()).isEqualTo("ada");

            List<Request> requests = stub.requests();
            assertThat(requests).extracting(Request::path).containsExactly(
                    "/api/v1/auth/login", "/api/v1/users/me", "/api/v1/auth/refresh", "/api/v1/users/me");
            assertThat(requests.get(1).header("Authorization")).isEqualTo("Bearer stale");
            assertThat(requests.get(2).header("Authorization")).isNull();
            assertThat(requests.get(2).body()).isEqualTo("{\"refreshToken\":\"r1\"}");
            assertThat(requests.get(3).header("Authorization")).isEqualTo("Bearer fresh");
            assertThat(client.tokens()).isEqualTo(new Tokens("fresh", "r2", "s1"));
        }
    }

    @Test
    void aFailedRefreshGivesTheOriginal401OnceAndForgetsTheTokens() throws Exception {
        try (StubServer stub = new StubServer(SERVER)) {
            ParleyClient client = ParleyClient.builder(stub.url()).tokens(new Tokens("stale", "revoked", "s1")).build();

            ParleyApiException e = catchThrowableOfType(ParleyApiException.class, () -> client.users().me());

            assertThat(e.status()).isEqualTo(401);
            assertThat(e.errorMessage()).isEqualTo("The token has expired");
            assertThat(stub.requests()).extracting(Request::path)
                    .containsExactly("/api/v1/users/me", "/api/v1/auth/refresh");
            assertThat(client.tokens()).isNull();
        }
    }

    @Test
    void aStillRefusedRetryIsNotRefreshedAgain() throws Exception {
        try (StubServer stub = new StubServer(r -> r.path().equals("/api/v1/auth/refresh")
                ? Reply.json(200, tokens("also-refused", "r9")) : Reply.json(401, UNAUTHENTICATED))) {
            ParleyClient client = ParleyClient.builder(stub.url()).tokens(new Tokens("stale", "r1", "s1")).build();

            ParleyApiException e = catchThrowableOfType(ParleyApiException.class, () -> client.users().me());

            assertThat(e.status()).isEqualTo(401);
            assertThat(stub.requests()).extracting(Request::path)
                    .containsExactly("/api/v1/users/me", "/api/v1/auth/refresh", "/api/v1/users/me");
        }
    }

    @Test
    void withoutARefreshTokenOrWithAutoRefreshOffThe401IsFinal() throws Exception {
        try (StubServer stub = new StubServer(SERVER)) {
            ParleyClient hostToken = ParleyClient.builder(stub.url()).bearerToken("host-jwt").build();
            ParleyClient manual = ParleyClient.builder(stub.url()).autoRefresh(false)
                    .tokens(new Tokens("stale", "r1", "s1")).build();

            assertThat(catchThrowableOfType(ParleyApiException.class, () -> hostToken.users().me()).status()).isEqualTo(401);
            assertThat(catchThrowableOfType(ParleyApiException.class, () -> manual.users().me()).status()).isEqualTo(401);

            assertThat(stub.requests()).extracting(Request::path).containsExactly("/api/v1/users/me", "/api/v1/users/me");
            assertThat(manual.tokens().accessToken()).isEqualTo("stale");
        }
    }

    @Test
    void aFailedLoginIsNotRefreshed() throws Exception {
        try (StubServer stub = new StubServer(r -> Reply.json(401, UNAUTHENTICATED))) {
            ParleyClient client = ParleyClient.builder(stub.url()).tokens(new Tokens("old", "r1", "s1")).build();

            assertThat(catchThrowableOfType(ParleyApiException.class, () -> client.auth().login("ada", "wrong-password"))
                    .status()).isEqualTo(401);

            assertThat(stub.requests()).extracting(Request::path).containsExactly("/api/v1/auth/login");
            assertThat(stub.requests().getFirst().header("Authorization")).isNull();
        }
    }

    @Test
    void logoutForgetsTheTokens() throws Exception {
        try (StubServer stub = new StubServer(r -> Reply.empty(204))) {
            ParleyClient client = ParleyClient.builder(stub.url()).tokens(new Tokens("a", "r", "s")).build();

            client.auth().logout();

            assertThat(client.tokens()).isNull();
            assertThat(stub.requests().getFirst().header("Authorization")).isEqualTo("Bearer a");
        }
    }
}
