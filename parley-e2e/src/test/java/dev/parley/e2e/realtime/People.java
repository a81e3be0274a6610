package dev.parley.e2e.realtime;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.parley.client.ParleyClient;
import dev.parley.client.model.TokenResponse;
import dev.parley.client.model.User;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Puts people on a {@link RealtimeServer}: host-application users (a signed JWT provisions them on
 * first use; cheap, so tests can have many) and registered users with Parley access tokens.
 */
final class People {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String PASSWORD = "correct-horse-battery-staple";

    private final RealtimeServer server;

    People(RealtimeServer server) {
        this.server = server;
    }

    /** A person of the host application, signed in with a host JWT valid for ten minutes. */
    Account host(String name) {
        String sub = unique(name);
        String token = sign(sub, name, Duration.ofMinutes(10));
        ParleyClient client = ParleyClient.builder(server.baseUrl()).httpClient(HTTP).bearerToken(token).build();
        User me = client.users().me();
        return new Account(name, me.id(), token, client, sub);
    }

    /** A person who registered with a password; the token is a Parley access token. */
    Account registered(String name) {
        ParleyClient client = ParleyClient.builder(server.baseUrl()).httpClient(HTTP).build();
        String username = unique(name);
        TokenResponse tokens = client.auth().register(username, PASSWORD, name, username + "@example.org");
        return new Account(name, tokens.user().id(), tokens.accessToken(), client, null);
    }

    /** The platform (host back end) with the API key. */
    ParleyClient platform() {
        return ParleyClient.builder(server.baseUrl()).httpClient(HTTP).apiKey(RealtimeServer.API_KEY).build();
    }

    private static String unique(String base) {
        return base.toLowerCase(Locale.ROOT) + "-" + COUNTER.incrementAndGet();
    }

    /** Another host token for a host person, valid for {@code validity} from now. */
    static String hostToken(Account person, Duration validity) {
        if (person.sub() == null) throw new IllegalArgumentException(person + " is not a host-application user");
        return sign(person.sub(), person.name(), validity);
    }

    private static String sign(String sub, String name, Duration validity) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(sub)
                .claim("name", name)
                .issueTime(Date.from(Instant.now().minusSeconds(5)))
                .expirationTime(Date.from(Instant.now().plus(validity)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(RealtimeServer.HOST_JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /**
     * One person: display name, user id, the bearer token for sockets, a REST client acting as them
     * and, for a host-application user, the host's id ({@code sub}; null for registered users).
     */
    record Account(String name, String id, String token, ParleyClient rest, String sub) {
        @Override
        public String toString() {
            return name + "(" + id + ")";
        }
    }
}
