package dev.parley.e2e;

import static dev.parley.e2e.Expect.fails;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.parley.client.model.User;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A dedicated server that verifies host tokens with a JSON Web Key Set file (RS256 and ES256)
 * and requires an issuer and an audience; it has no shared host secret.
 */
class HostKeySetE2eTest {
    private static final String ISSUER = "https://lms.example.org";
    private static final String AUDIENCE = "parley";

    private static RSAKey rsa;
    private static ECKey ec;
    private static Path jwks;
    private static TestServer server;
    private static Chat chat;

    @BeforeAll
    static void start() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        jwks = Files.createTempFile("parley-e2e-jwks-", ".json");
        Files.writeString(jwks, new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString());
        server = TestServer.start(Map.of("PARLEY_HOST_JWT_SECRET", "", "PARLEY_HOST_JWT_JWKS", jwks.toString(),
                "PARLEY_HOST_JWT_ISSUER", ISSUER, "PARLEY_HOST_JWT_AUDIENCE", AUDIENCE));
        chat = new Chat(server);
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) server.close();
        if (jwks != null) Files.deleteIfExists(jwks);
    }

    private static String token(JWSAlgorithm algorithm, String keyId, JWSSigner signer, String issuer, String audience,
                                String sub) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(sub).issuer(issuer).audience(audience)
                .claim("name", "Key Set User").issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static String rs256(String issuer, String audience, String sub) throws JOSEException {
        return token(JWSAlgorithm.RS256, "rsa-1", new RSASSASigner(rsa), issuer, audience, sub);
    }

    @Test
    void rs256AndEs256TokensFromTheKeySetSignIn() throws Exception {
        String sub = Chat.unique("keyset");

        User viaRsa = chat.withBearer(rs256(ISSUER, AUDIENCE, sub)).users().me();
        User viaEc = chat.withBearer(token(JWSAlgorithm.ES256, "ec-1", new ECDSASigner(ec), ISSUER, AUDIENCE, sub))
                .users().me();

        assertThat(viaRsa.displayName()).isEqualTo("Key Set User");
        assertThat(viaEc.id()).isEqualTo(viaRsa.id());
    }

    @Test
    void aWrongIssuerAudienceKeyOrSharedSecretIs401() throws Exception {
        String sub = Chat.unique("keyset");
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("rsa-1").generate();

        fails(401, () -> chat.withBearer(rs256("https://evil.example.org", AUDIENCE, sub)).users().me());
        fails(401, () -> chat.withBearer(rs256(ISSUER, "someone-else", sub)).users().me());
        fails(401, () -> chat.withBearer(token(JWSAlgorithm.RS256, "rsa-1", new RSASSASigner(stranger), ISSUER,
                AUDIENCE, sub)).users().me());
        fails(401, () -> chat.withBearer(HostTokens.sign(TestServer.HOST_JWT_SECRET, sub, Map.of("iss", ISSUER,
                "aud", AUDIENCE), Instant.now().plusSeconds(600))).users().me());
    }
}
