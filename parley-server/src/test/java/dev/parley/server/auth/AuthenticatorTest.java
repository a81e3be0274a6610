package dev.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.parley.core.Limits;
import dev.parley.core.Ports;
import dev.parley.core.error.ErrorCode;
import dev.parley.core.error.ParleyException;
import dev.parley.core.port.RateLimiter;
import dev.parley.core.user.AccountService;
import dev.parley.core.user.Session;
import dev.parley.core.user.User;
import dev.parley.store.DatabaseSettings;
import dev.parley.store.JdbcStores;
import dev.parley.testkit.FakePasswordHasher;
import dev.parley.testkit.ManualClock;
import dev.parley.testkit.RecordingEventBus;
import dev.parley.testkit.SequentialIdSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bearer tokens are checked once and remembered, but never beyond their expiry or their session. */
class AuthenticatorTest {
    private static final String HOST_SECRET = "host-app-secret-host-app-secret-!";
    private static final byte[] OWN_SECRET = "parley-secret-parley-secret-parley!".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.now());
    private JdbcStores stores;
    private AccountService accounts;
    private TokenService tokens;
    private Authenticator authenticator;

    @BeforeEach
    void setUp() {
        stores = JdbcStores.open(new DatabaseSettings("jdbc:sqlite:" + dir.resolve("parley.db"), null, null, 2));
        stores.migrate();
        Ports ports = new Ports(stores.transactor(), stores.users(), stores.sessions(), stores.conversations(),
                stores.messages(), stores.eventLog(), new RecordingEventBus(), new SequentialIdSource(), clock,
                RateLimiter.UNLIMITED, new FakePasswordHasher(), Limits.DEFAULTS);
        accounts = new AccountService(ports);
        tokens = new TokenService(OWN_SECRET, Duration.ofMinutes(15), clock, new SecureRandom());
        authenticator = new Authenticator(tokens, HostTokenVerifier.create(HOST_SECRET, null, null, null),
                new ApiKeys(java.util.List.of()), accounts, clock);
    }

    @AfterEach
    void tearDown() {
        stores.close();
    }

    @Test
    void aParleyTokenIsRefusedOnceItExpiredAlthoughItWasAcceptedBefore() {
        User ann = accounts.register("ann", "correct horse battery", null, null);
        Session session = accounts.startSession(ann.id(), "hash-1", null, Duration.ofDays(1));
        String token = tokens.accessToken(ann.id(), session.id());

        assertThat(authenticator.verifyBearer(token).userId()).isEqualTo(ann.id());
        assertThat(authenticator.verifyBearer(token).userId()).isEqualTo(ann.id());

        clock.advance(Duration.ofMinutes(15));
        assertUnauthenticated(() -> authenticator.verifyBearer(token));
    }

    @Test
    void aParleyTokenOfAnEndedSessionIsRefusedAtOnce() {
        User ann = accounts.register("ann", "correct horse battery", null, null);
        Session session = accounts.startSession(ann.id(), "hash-1", null, Duration.ofDays(1));
        String token = tokens.accessToken(ann.id(), session.id());
        assertThat(authenticator.verifyBearer(token).sessionId()).isEqualTo(session.id());

        accounts.revokeSession(ann.id(), session.id());

        assertUnauthenticated(() -> authenticator.verifyBearer(token));
    }

    @Test
    void aHostTokenNamesTheSameUserEveryTimeAndATamperedCopyIsRefused() throws Exception {
        String token = hostToken("lms-42", Instant.now().plus(Duration.ofMinutes(10)));

        Authenticator.Bearer first = authenticator.verifyBearer(token);
        Authenticator.Bearer second = authenticator.verifyBearer(token);

        assertThat(second).isEqualTo(first);
        assertThat(accounts.get(first.userId()).externalId()).isEqualTo("lms-42");
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertUnauthenticated(() -> authenticator.verifyBearer(tampered));
    }

    @Test
    void anExpiredHostTokenIsRefused() throws Exception {
        String token = hostToken("lms-42", Instant.now().minus(Duration.ofMinutes(5)));

        assertUnauthenticated(() -> authenticator.verifyBearer(token));
    }

    private static String hostToken(String subject, Instant expiresAt) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).claim("name", "Ada")
                .expirationTime(Date.from(expiresAt)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(HOST_SECRET));
        return jwt.serialize();
    }

    private static void assertUnauthenticated(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ParleyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
    }
}
