package dev.parley.e2e;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/** Signs host-application JWTs (HS256) the way a host's back end would. */
final class HostTokens {
    private HostTokens() {
    }

    /** A token for {@code sub} valid for ten minutes, with extra claims (name, email, picture, avatar...). */
    static String sign(String sub, Map<String, Object> claims) {
        return sign(TestServer.HOST_JWT_SECRET, sub, claims, Instant.now().plus(Duration.ofMinutes(10)));
    }

    static String sign(String secret, String sub, Map<String, Object> claims, Instant expiresAt) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issueTime(Date.from(Instant.now().minusSeconds(5)))
                .expirationTime(Date.from(expiresAt));
        if (sub != null) builder.subject(sub);
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), builder.build());
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
