package dev.parley.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.parley.core.error.ParleyException;
import dev.parley.core.user.ExternalIdentity;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies tokens issued by a host application: HS256 with a shared secret, and RS256 or ES256
 * with keys from a JSON Web Key Set, read once from a file or fetched (cached, refreshed, rate
 * limited) from an http(s) URL. {@code exp} and {@code sub} are required; {@code iss} and
 * {@code aud} are checked when configured. Accepted tokens become an {@link ExternalIdentity}
 * from the claims {@code sub}, {@code name}, {@code email} and {@code picture} (or {@code avatar}).
 * Thread-safe.
 */
public final class HostTokenVerifier {
    private static final Set<JWSAlgorithm> KEY_SET_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    /**
     * @param sharedSecret HS256 secret (at least 32 bytes) or null
     * @param keySet       keys for RS256/ES256 or null
     * @param issuer       required issuer or null
     * @param audience     required audience or null
     */
    public HostTokenVerifier(String sharedSecret, JWKSource<SecurityContext> keySet, String issuer, String audience) {
        if (sharedSecret == null && keySet == null) {
            throw new IllegalArgumentException("A host token verifier needs a shared secret or a key set");
        }
        Key hmacKey = sharedSecret == null ? null
                : new SecretKeySpec(sharedSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        JWSKeySelector<SecurityContext> keySetSelector = keySet == null ? null
                : new JWSVerificationKeySelector<>(KEY_SET_ALGORITHMS, keySet);
        processor.setJWSKeySelector((header, context) -> {
            JWSAlgorithm alg = header.getAlgorithm();
            if (JWSAlgorithm.HS256.equals(alg) && hmacKey != null) return List.of(hmacKey);
            if (KEY_SET_ALGORITHMS.contains(alg) && keySetSelector != null) {
                return keySetSelector.selectJWSKeys(header, context);
            }
            return List.of();
        });
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(
                JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        JWTClaimsSet exact = issuer == null ? new JWTClaimsSet.Builder().build()
                : new JWTClaimsSet.Builder().issuer(issuer).build();
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                audience == null ? null : Set.of(audience), exact,
                Set.of(JWTClaimNames.SUBJECT, JWTClaimNames.EXPIRATION_TIME), null));
    }

    /**
     * A verifier for the configured secret and key set location (a file path or an http(s) URL).
     * A key set file is read now; a URL is fetched on first use and cached.
     */
    public static HostTokenVerifier create(String sharedSecret, String keySetLocation, String issuer, String audience) {
        return new HostTokenVerifier(sharedSecret, keySetLocation == null ? null : keySource(keySetLocation),
                issuer, audience);
    }

    static JWKSource<SecurityContext> keySource(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        try {
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                return JWKSourceBuilder.<SecurityContext>create(URI.create(location).toURL()).retrying(true).build();
            }
            return new ImmutableJWKSet<>(JWKSet.parse(Files.readString(Path.of(location), StandardCharsets.UTF_8)));
        } catch (IOException | ParseException e) {
            throw new IllegalArgumentException("Cannot read the host JSON Web Key Set from " + location + ": "
                    + e.getMessage(), e);
        }
    }

    /** A verified host token: the identity it names and when it expires. */
    public record HostToken(ExternalIdentity identity, java.time.Instant expiresAt) {
    }

    /** The identity a valid host token names; 401 for an invalid one, 503 if the key set cannot be fetched. */
    public ExternalIdentity verify(String token) {
        return verifyToken(token).identity();
    }

    /** The identity and expiry of a valid host token; 401 for an invalid one, 503 if the key set cannot be fetched. */
    public HostToken verifyToken(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (KeySourceException e) {
            throw ParleyException.unavailable("The host application's signing keys cannot be fetched");
        } catch (ParseException e) {
            throw ParleyException.unauthenticated("The bearer token is not a JWT");
        } catch (BadJOSEException | JOSEException e) {
            throw ParleyException.unauthenticated("The bearer token is not valid: " + e.getMessage());
        }
        try {
            String avatar = claims.getStringClaim("picture");
            if (avatar == null) avatar = claims.getStringClaim("avatar");
            return new HostToken(new ExternalIdentity(claims.getSubject(), claims.getStringClaim("name"),
                    claims.getStringClaim("email"), avatar), claims.getExpirationTime().toInstant());
        } catch (ParseException e) {
            throw ParleyException.unauthenticated("The bearer token has a claim of the wrong type: " + e.getMessage());
        }
    }
}
