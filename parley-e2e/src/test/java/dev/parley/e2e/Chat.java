package dev.parley.e2e;

import dev.parley.client.ParleyClient;
import dev.parley.client.model.TokenResponse;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What an e2e test works with: a running server, and ways to get people onto it — registered
 * users, the platform (API key), host-application tokens and raw HTTP. Every client records its
 * exchanges for the contract test.
 */
final class Chat {
    static final String PASSWORD = "correct-horse-battery-staple";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final TestServer server;

    Chat(TestServer server) {
        this.server = server;
    }

    String baseUrl() {
        return server.baseUrl();
    }

    TestServer server() {
        return server;
    }

    /** A new unique user name starting with {@code base}, e.g. {@code ada-17}. */
    static String unique(String base) {
        return base.toLowerCase(Locale.ROOT) + "-" + COUNTER.incrementAndGet();
    }

    /** Registers a new user whose display name is {@code name} and signs in as them. */
    Person register(String name) {
        ParleyClient client = builder().build();
        String username = unique(name);
        TokenResponse tokens = client.auth().register(username, PASSWORD, name, username + "@example.org");
        return new Person(client, tokens.user(), PASSWORD);
    }

    /** A client without credentials. */
    ParleyClient anonymous() {
        return builder().build();
    }

    /** A client that acts as the platform with the API key. */
    ParleyClient platform() {
        return builder().apiKey(TestServer.API_KEY).build();
    }

    /** A client that sends {@code token} as its bearer token and never refreshes. */
    ParleyClient withBearer(String token) {
        return builder().bearerToken(token).build();
    }

    ParleyClient.Builder builder() {
        return ParleyClient.builder(server.baseUrl()).httpClient(HTTP).onExchange(Exchanges::record);
    }

    RawHttp raw() {
        return new RawHttp(HTTP, server.baseUrl());
    }
}
