package dev.parley.client.realtime;

import dev.parley.client.ParleyClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Configures a {@link ParleyRealtime}. Every setting has a default; only the REST client is
 * required. Not thread-safe; build once.
 */
public final class ParleyRealtimeBuilder {
    private final ParleyClient rest;
    private URI uri;
    private Backoff backoff = Backoff.DEFAULT;
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Duration resumeTimeout = Duration.ofSeconds(60);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration pingInterval = Duration.ofSeconds(30);
    private Duration deliveredInterval = Duration.ofMillis(250);
    private Duration tokenRenewLead = Duration.ofSeconds(60);
    private int historyPageSize = 100;
    private int initialHistory = 50;
    private int maxFrameChars = 16 * 1024 * 1024;
    private Outbox outbox;
    private TokenSource tokens;
    private HttpClient httpClient;
    private RandomGenerator random;
    private Clock clock = Clock.systemUTC();
    private Supplier<String> clientMessageIds = () -> "j-" + UUID.randomUUID();
    private String name = "parley-realtime";
    private Wire.Connector connector;
    private RestAccess restAccess;

    ParleyRealtimeBuilder(ParleyClient rest, URI restBase) {
        if (rest == null) throw new IllegalArgumentException("the REST client is required");
        this.rest = rest;
        this.uri = restBase == null ? null : JdkWire.socketUri(restBase);
    }

    /** The socket's address, e.g. {@code ws://localhost:8080/ws}; by default derived from the server URL given to {@link ParleyRealtime#builder}. */
    public ParleyRealtimeBuilder uri(URI value) {
        this.uri = value;
        return this;
    }

    /** The reconnect delays (and outbox and load retries): 500 ms doubling up to 30 s, with full jitter, by default. */
    public ParleyRealtimeBuilder backoff(Duration base, Duration max) {
        this.backoff = new Backoff(base, max);
        return this;
    }

    /** How long a request waits for its reply (10 s by default). Requests made while disconnected wait as long for the socket. */
    public ParleyRealtimeBuilder requestTimeout(Duration value) {
        this.requestTimeout = positive(value, "requestTimeout");
        return this;
    }

    /** How long a {@code resume} may take to replay what was missed (60 s by default). */
    public ParleyRealtimeBuilder resumeTimeout(Duration value) {
        this.resumeTimeout = positive(value, "resumeTimeout");
        return this;
    }

    /** How long opening the socket may take (10 s by default). */
    public ParleyRealtimeBuilder connectTimeout(Duration value) {
        this.connectTimeout = positive(value, "connectTimeout");
        return this;
    }

    /** How often the client pings to notice a dead socket (30 s by default); zero turns it off. */
    public ParleyRealtimeBuilder pingInterval(Duration value) {
        if (value == null || value.isNegative()) throw new IllegalArgumentException("pingInterval must not be negative");
        this.pingInterval = value;
        return this;
    }

    /** The least time between two batches of automatic {@code delivered} acknowledgements (250 ms by default). */
    public ParleyRealtimeBuilder deliveredInterval(Duration value) {
        this.deliveredInterval = positive(value, "deliveredInterval");
        return this;
    }

    /** Turns the automatic {@code delivered} acknowledgements off (they are on by default). */
    public ParleyRealtimeBuilder noDeliveredAcks() {
        this.deliveredInterval = null;
        return this;
    }

    /** How long before the token expires it is renewed (60 s by default; half the lifetime for short tokens). */
    public ParleyRealtimeBuilder tokenRenewLead(Duration value) {
        this.tokenRenewLead = positive(value, "tokenRenewLead");
        return this;
    }

    /** Messages per REST page when backfilling (100 by default, the server's maximum). */
    public ParleyRealtimeBuilder historyPageSize(int value) {
        if (value < 1 || value > 100) throw new IllegalArgumentException("historyPageSize must be 1 to 100");
        this.historyPageSize = value;
        return this;
    }

    /** Newest messages read when a conversation is loaded for the first time (50 by default; 0 reads none). */
    public ParleyRealtimeBuilder initialHistory(int value) {
        if (value < 0 || value > 100) throw new IllegalArgumentException("initialHistory must be 0 to 100");
        this.initialHistory = value;
        return this;
    }

    /** The outbox; in memory by default. {@link Outbox#file} keeps unsent messages across restarts. */
    public ParleyRealtimeBuilder outbox(Outbox value) {
        this.outbox = value;
        return this;
    }

    /** Keeps the outbox in this file (see {@link Outbox#file}). */
    public ParleyRealtimeBuilder outboxFile(Path file) {
        this.outbox = Outbox.file(file);
        return this;
    }

    /** Where tokens come from; by default the REST client's, renewed through its refresh token. */
    public ParleyRealtimeBuilder tokenSource(TokenSource value) {
        this.tokens = value;
        return this;
    }

    /** The HTTP client that opens the socket; by default one of its own, shut down when the client stops. */
    public ParleyRealtimeBuilder httpClient(HttpClient value) {
        this.httpClient = value;
        return this;
    }

    /** The random source of the backoff jitter (a {@link SecureRandom} by default; fix it in tests). */
    public ParleyRealtimeBuilder random(RandomGenerator value) {
        this.random = value;
        return this;
    }

    /** The clock that times token renewals. */
    public ParleyRealtimeBuilder clock(Clock value) {
        this.clock = value;
        return this;
    }

    /** Where new client message ids come from (1–64 of {@code A-Z a-z 0-9 _ . : -}); random UUIDs by default. */
    public ParleyRealtimeBuilder clientMessageIds(Supplier<String> value) {
        this.clientMessageIds = value;
        return this;
    }

    /** Names the client's event thread, e.g. after the user (for logs and thread dumps). */
    public ParleyRealtimeBuilder name(String value) {
        this.name = value;
        return this;
    }

    /** For tests: how sockets are opened. */
    ParleyRealtimeBuilder connector(Wire.Connector value) {
        this.connector = value;
        return this;
    }

    /** For tests: how conversations are read through REST. */
    ParleyRealtimeBuilder restAccess(RestAccess value) {
        this.restAccess = value;
        return this;
    }

    /** A new client; call {@link ParleyRealtime#connect()} to go online. */
    public ParleyRealtime build() {
        if (uri == null) throw new IllegalStateException("the socket URI is not known: set it with uri(…)");
        RealtimeSettings settings = new RealtimeSettings(uri, backoff, requestTimeout, resumeTimeout, connectTimeout,
                pingInterval, deliveredInterval, tokenRenewLead, historyPageSize, initialHistory, maxFrameChars,
                random != null ? random : new SecureRandom(), clock, clientMessageIds, name);
        HttpClient owned = connector == null && httpClient == null ? HttpClient.newHttpClient() : null;
        Wire.Connector sockets = connector != null ? connector
                : JdkWire.connector(owned != null ? owned : httpClient, connectTimeout, maxFrameChars);
        Runnable release = owned == null ? () -> { } : owned::shutdownNow;
        return new ParleyRealtime(settings, sockets, tokens != null ? tokens : TokenSource.of(rest),
                restAccess != null ? restAccess : new ClientRestAccess(rest), outbox != null ? outbox : Outbox.inMemory(),
                release);
    }

    private static Duration positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) throw new IllegalArgumentException(name + " must be positive");
        return value;
    }
}
