package dev.parley.bench.rest;

import dev.parley.bench.ws.JsonScan;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints host-application tokens (HS256 JWTs with {@code sub}, {@code name} and {@code exp}) for the
 * bench users, signed with the secret the bench gives the server as {@code PARLEY_HOST_JWT_SECRET}.
 * This is how an embedding product's users reach Parley, and it lets the bench sign in thousands
 * of users without a login (Argon2) or a CLI process per user. Thread-safe.
 */
public final class HostTokens {
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = URL.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final byte[] secret;

    public HostTokens(String secret) {
        if (secret.getBytes(StandardCharsets.UTF_8).length < 32) throw new IllegalArgumentException("secret too short");
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A token for the user with external id {@code subject}, valid until {@code expires}. */
    public String token(String subject, String name, Instant expires) {
        String claims = "{\"sub\":" + JsonScan.quote(subject) + ",\"name\":" + JsonScan.quote(name)
                + ",\"exp\":" + expires.getEpochSecond() + "}";
        String unsigned = HEADER + "." + URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return unsigned + "." + URL.encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
