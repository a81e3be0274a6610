package dev.parley.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.parley.core.error.ParleyException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Parley's own tokens. Access tokens are JWTs signed with HS256 and the server secret, carrying
 * {@code iss=parley}, {@code sub} (user id), {@code sid} (session id), {@code iat} and {@code exp}.
 * Refresh tokens are 32 random bytes in base64url; only their SHA-256 (hex) is ever stored.
 * Thread-safe.
 */
public final class TokenService {
    public static final String ISSUER = "parley";
    private static final String SESSION_CLAIM = "sid";

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Duration accessTokenTtl;
    private final Clock clock;
    private final SecureRandom random;

    /** @param secret at least 32 bytes */
    public TokenService(byte[] secret, Duration accessTokenTtl, Clock clock, SecureRandom random) {
        try {
            this.signer = new MACSigner(secret);
            this.verifier = new MACVerifier(secret);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("The token secret must be at least 32 bytes", e);
        }
        this.accessTokenTtl = accessTokenTtl;
        this.clock = clock;
        this.random = random;
    }

    public Duration accessTokenTtl() {
        return accessTokenTtl;
    }

    /** A signed access token for the user's session, valid for the configured lifetime. */
    public String accessToken(String userId, String sessionId) {
        return accessToken(userId, sessionId, accessTokenTtl);
    }

    /** A signed access token for the user's session, valid for {@code ttl}. */
    public String accessToken(String userId, String sessionId, Duration ttl) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(userId)
                .claim(SESSION_CLAIM, sessionId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign an access token", e);
        }
        return jwt.serialize();
    }

    /**
     * Reads an access token. Empty if it is not a token this server signed (so it may be a host
     * application's); throws 401 if it is ours but expired or incomplete.
     */
    public Optional<AccessToken> verify(String token) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) return Optional.empty();
            if (jwt.getState() != JWSObject.State.SIGNED || !jwt.verify(verifier)) return Optional.empty();
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return Optional.empty();
        }
        if (!ISSUER.equals(claims.getIssuer())) return Optional.empty();
        Date exp = claims.getExpirationTime();
        Object sid = claims.getClaim(SESSION_CLAIM);
        if (claims.getSubject() == null || exp == null || !(sid instanceof String sessionId)) {
            throw ParleyException.unauthenticated("The access token is incomplete");
        }
        if (!clock.instant().isBefore(exp.toInstant())) {
            throw ParleyException.unauthenticated("The access token has expired; refresh it");
        }
        return Optional.of(new AccessToken(claims.getSubject(), sessionId, exp.toInstant()));
    }

    /** A new refresh token: 32 random bytes, base64url without padding. */
    public String newRefreshToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What the session store keeps of a refresh token: its SHA-256 in lower-case hex. */
    public static String hashRefreshToken(String refreshToken) {
        return sha256Hex(refreshToken);
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
