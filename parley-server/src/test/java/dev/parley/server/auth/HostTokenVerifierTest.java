package dev.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.parley.core.error.ErrorCode;
import dev.parley.core.error.ParleyException;
import dev.parley.core.user.ExternalIdentity;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostTokenVerifierTest {
    private static final String SECRET = "host-secret-host-secret-host-secret!";
    private static RSAKey rsa;
    private static RSAKey otherRsa;
    private static ECKey ec;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() throws JOSEException {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        otherRsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    }

    @Test
    void hs256WithTheSharedSecretNamesTheUser() throws Exception {
        HostTokenVerifier verifier = HostTokenVerifier.create(SECRET, null, null, null);
        String token = sign(JWSAlgorithm.HS256, new MACSigner(SECRET), null, claims -> claims
                .claim("name", "Ada Lovelace").claim("email", "ada@lms.example").claim("picture", "https://img/ada.png"));
        assertThat(verifier.verify(token))
                .isEqualTo(new ExternalIdentity("lms-42", "Ada Lovelace", "ada@lms.example", "https://img/ada.png"));
    }

    @Test
    void theAvatarClaimStandsInForPicture() throws Exception {
        HostTokenVerifier verifier = HostTokenVerifier.create(SECRET, null, null, null);
        String token = sign(JWSAlgorithm.HS256, new MACSigner(SECRET), null, c -> c.claim("avatar", "https://img/a.png"));
        assertThat(verifier.verify(token)).isEqualTo(new ExternalIdentity("lms-42", null, null, "https://img/a.png"));
    }

    @Test
    void hs256WithAnotherSecretIsRefused() throws Exception {
        HostTokenVerifier verifier = HostTokenVerifier.create(SECRET, null, null, null);
        String token = sign(JWSAlgorithm.HS256, new MACSigner("another-secret-another-secret-another!"), null, c -> {
        });
        assertUnauthenticated(() -> verifier.verify(token));
    }

    @Test
    void rs256AndEs256VerifyWithAKeySetFile() throws Exception {
        HostTokenVerifier verifier = HostTokenVerifier.create(null, keySetFile(rsa, ec), null, null);
        assertThat(verifier.verify(sign(JWSAlgorithm.RS256, new RSASSASigner(rsa), "rsa-1", c -> c.claim("name", "Rui"))).name())
                .isEqualTo("Rui");
        assertThat(verifier.verify(sign(JWSAlgorithm.ES256, new ECDSASigner(ec), "ec-1", c -> c.claim("name", "Eve"))).name())
                .isEqualTo("Eve");
    }

    @Test
    void aTokenSignedWithAKeyNotInTheSetIsRefused() throws Exception {
        HostTokenVerifier verifier = HostTokenVerifier.create(null, keySetFile(rsa), null, null);
        assertUnauthenticated(() -> verifier.verify(sign(JWSAlgorithm.RS256, new RSASSASigner(otherRsa), "rsa-1", c -> {
        })));
        assertUnauthenticated(() -> verifier.verify(sign(JWSAlgorithm.ES256, new ECDSASigner(ec), "ec-1", c -> {
        })));
    }

    @Test
    void hs256IsRefusedWhenOnlyAKeySetIsConfigured() throws Exception {
        HostTokenVerifier verifier = HostTokenVerifier.create(null, keySetFile(rsa), null, null);
        assertUnauthenticated(() -> verifier.verify(sign(JWSAlgorithm.HS256, new MACSigner(SECRET), null, c -> {
        })));
    }

    @Test
    void expiredAndExpiryLessTokensAreRefused() throws Exception {
        HostTokenVerifier verifier = HostTokenVerifier.create(SECRET, null, null, null);
        assertUnauthenticated(() -> verifier.verify(sign(JWSAlgorithm.HS256, new MACSigner(SECRET), null,
                c -> c.expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5)))))));
        assertUnauthenticated(() -> verifier.verify(sign(JWSAlgorithm.HS256, new MACSigner(SECRET), null,
                c -> c.expirationTime(null))));
        assertUnauthenticated(() -> verifier.verify(sign(JWSAlgorithm.HS256, new MACSigner(SECRET), null,
                c -> c.subject(null))));
    }

    @Test
    void issuerAndAudienceAreCheckedWhenConfigured() throws Exception {
        HostTokenVerifier verifier = HostTokenVerifier.create(SECRET, null, "https://lms.example", "parley");
        MACSigner signer = new MACSigner(SECRET);
        assertThat(verifier.verify(sign(JWSAlgorithm.HS256, signer, null,
                c -> c.issuer("https://lms.example").audience(List.of("parley", "other")))).subject()).isEqualTo("lms-42");
        assertUnauthenticated(() -> verifier.verify(sign(JWSAlgorithm.HS256, signer, null,
                c -> c.issuer("https://evil.example").audience("parley"))));
        assertUnauthenticated(() -> verifier.verify(sign(JWSAlgorithm.HS256, signer, null,
                c -> c.issuer("https://lms.example").audience("someone-else"))));
        assertUnauthenticated(() -> verifier.verify(sign(JWSAlgorithm.HS256, signer, null, c -> c.audience("parley"))));
    }

    @Test
    void garbageIsRefused() {
        HostTokenVerifier verifier = HostTokenVerifier.create(SECRET, null, null, null);
        assertUnauthenticated(() -> verifier.verify("not.a.jwt"));
        assertUnauthenticated(() -> verifier.verify("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."));
    }

    @Test
    void aKeySetIsFetchedFromAUrl() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = new JWKSet(List.of(rsa.toPublicJWK())).toString().getBytes(StandardCharsets.UTF_8);
        http.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        try {
            String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/jwks.json";
            HostTokenVerifier verifier = HostTokenVerifier.create(null, url, null, null);
            assertThat(verifier.verify(sign(JWSAlgorithm.RS256, new RSASSASigner(rsa), "rsa-1", c -> {
            })).subject()).isEqualTo("lms-42");
        } finally {
            http.stop(0);
        }
    }

    @Test
    void anUnreachableKeySetUrlIs503() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        HostTokenVerifier verifier = HostTokenVerifier.create(null, "http://127.0.0.1:" + port + "/jwks.json", null, null);
        String token = sign(JWSAlgorithm.RS256, new RSASSASigner(rsa), "rsa-1", c -> {
        });
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(ParleyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
    }

    @Test
    void anUnreadableKeySetFileStopsTheStart() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "not json");
        assertThatThrownBy(() -> HostTokenVerifier.create(null, bad.toString(), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad.toString());
    }

    private String keySetFile(com.nimbusds.jose.jwk.JWK... keys) throws IOException {
        List<com.nimbusds.jose.jwk.JWK> publicKeys = java.util.Arrays.stream(keys).map(k -> k.toPublicJWK()).toList();
        Path file = dir.resolve("jwks.json");
        Files.writeString(file, new JWKSet(publicKeys).toString());
        return file.toString();
    }

    private static String sign(JWSAlgorithm alg, JWSSigner signer, String keyId, Consumer<JWTClaimsSet.Builder> claims)
            throws JOSEException {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .subject("lms-42")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))));
        claims.accept(builder);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(keyId).build(), builder.build());
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static void assertUnauthenticated(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ParleyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
    }
}
