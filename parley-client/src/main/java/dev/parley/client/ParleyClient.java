package dev.parley.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The Java client of a Parley server's REST API v1. Calls are grouped as the API is:
 * {@link #auth()}, {@link #users()}, {@link #platform()}, {@link #conversations()},
 * {@link #messages()}, {@link #search()} and {@link #operations()}. Every method blocks until the
 * server answered, returns the parsed body and throws {@link ParleyApiException} for an error
 * answer (and {@link java.io.UncheckedIOException} when the server cannot be reached).
 *
 * <p>Credentials: register and login store the session's tokens in the client; later calls send
 * the access token. When the server refuses it (401) and a refresh token is known, the client
 * renews the tokens once and repeats the call once. A host application's JWT is set with
 * {@link Builder#bearerToken}; the platform (the host's back end) uses {@link Builder#apiKey}.
 *
 * <p>Thread-safe: one client may be shared by many threads; it holds one user's (or the
 * platform's) credentials.
 *
 * <pre>{@code
 * ParleyClient ada = ParleyClient.builder("http://localhost:8080").build();
 * ada.auth().login("ada", "correct-horse-battery");
 * Conversation team = ada.conversations().create(NewConversation.group("Team")).value();
 * ada.messages().send(team.id(), NewMessage.text("c-1", "Hello"));
 * }</pre>
 */
public final class ParleyClient {
    private final Transport transport;
    private final AuthApi auth;
    private final UsersApi users;
    private final PlatformApi platform;
    private final ConversationsApi conversations;
    private final MessagesApi messages;
    private final SearchApi search;
    private final OperationsApi operations;

    private ParleyClient(Transport transport) {
        this.transport = transport;
        this.auth = new AuthApi(transport);
        this.users = new UsersApi(transport);
        this.platform = new PlatformApi(transport);
        this.conversations = new ConversationsApi(transport);
        this.messages = new MessagesApi(transport);
        this.search = new SearchApi(transport);
        this.operations = new OperationsApi(transport);
    }

    /** A builder for a client of the server at {@code baseUrl}, e.g. {@code http://localhost:8080}. */
    public static Builder builder(String baseUrl) {
        return new Builder(URI.create(baseUrl));
    }

    public static Builder builder(URI baseUrl) {
        return new Builder(baseUrl);
    }

    /** Registration, login, token refresh, logout, password and sessions. */
    public AuthApi auth() {
        return auth;
    }

    /** Profiles, directory search and blocks. */
    public UsersApi users() {
        return users;
    }

    /** Calls of the host application's back end; needs the API key. */
    public PlatformApi platform() {
        return platform;
    }

    /** Conversations, members, settings and read/delivered markers. */
    public ConversationsApi conversations() {
        return conversations;
    }

    /** Sending, reading, editing, deleting, reactions, pins and forwarding. */
    public MessagesApi messages() {
        return messages;
    }

    /** Full-text search. */
    public SearchApi search() {
        return search;
    }

    /** Health, readiness and the API document. */
    public OperationsApi operations() {
        return operations;
    }

    /** The server's base URL, as given to the builder (without a trailing slash). */
    public URI baseUrl() {
        return transport.base();
    }

    /** The current credentials, or null when signed out or using the API key. */
    public Tokens tokens() {
        return transport.tokens();
    }

    /**
     * Renews the tokens with the refresh token, unless they already changed since {@code stale}
     * was read (another caller renewed them: concurrent callers share one refresh, also with the
     * automatic refresh of REST calls). Returns the current tokens afterwards: new ones, the same
     * object if the server could not be asked or answered with an error other than 401, or null if
     * the refresh token was refused (signed out).
     */
    public Tokens renewTokens(Tokens stale) {
        return transport.renew(stale);
    }

    /** Replaces the credentials (null signs out locally). */
    public void useTokens(Tokens tokens) {
        transport.tokens(tokens);
    }

    /** Configures a {@link ParleyClient}. Not thread-safe; build once. */
    public static final class Builder {
        private final URI baseUrl;
        private HttpClient httpClient;
        private Duration timeout = Duration.ofSeconds(30);
        private String apiKey;
        private Tokens tokens;
        private String userAgent = "parley-java-client";
        private boolean autoRefresh = true;
        private Consumer<Exchange> listener;

        private Builder(URI baseUrl) {
            if (baseUrl == null || baseUrl.getScheme() == null) throw new IllegalArgumentException("baseUrl needs a scheme");
            this.baseUrl = baseUrl;
        }

        /** The HTTP client to use (shared clients save connections); by default a new one. */
        public Builder httpClient(HttpClient value) {
            this.httpClient = value;
            return this;
        }

        /** How long one request may take; 30 seconds by default. */
        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        /** Acts as the platform with the server API key (sent when no bearer token is set). */
        public Builder apiKey(String value) {
            this.apiKey = value;
            return this;
        }

        /** Sends this bearer token (a host application's JWT or a Parley access token), with no refresh. */
        public Builder bearerToken(String value) {
            this.tokens = Tokens.bearer(value);
            return this;
        }

        /** Starts with known tokens, e.g. saved from an earlier login. */
        public Builder tokens(Tokens value) {
            this.tokens = value;
            return this;
        }

        /** The {@code User-Agent} header (it names sessions in the session list). */
        public Builder userAgent(String value) {
            this.userAgent = value;
            return this;
        }

        /** Whether a refused access token is renewed with the refresh token and the call repeated once (default on). */
        public Builder autoRefresh(boolean value) {
            this.autoRefresh = value;
            return this;
        }

        /** Called after every HTTP exchange, on the calling thread; must not throw. */
        public Builder onExchange(Consumer<Exchange> value) {
            this.listener = value;
            return this;
        }

        public ParleyClient build() {
            HttpClient http = httpClient != null ? httpClient
                    : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            return new ParleyClient(new Transport(baseUrl, http, timeout, apiKey, userAgent, autoRefresh, listener, tokens));
        }
    }
}
