package dev.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import dev.parley.core.error.ErrorCode;
import dev.parley.core.error.ParleyException;
import dev.parley.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenServiceTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private final ManualClock clock = new ManualClock();
    private final TokenService tokens = new TokenService(SECRET, Duration.ofMinutes(15), clock, new SecureRandom());

    @Test
    void anAccessTokenCarriesUserSessionAndExpiry() throws Exception {
        String token = tokens.accessToken("u_1", "s_1");
        AccessToken access = tokens.verify(token).orElseThrow();
        assertThat(access.userId()).isEqualTo("u_1");
        assertThat(access.sessionId()).isEqualTo("s_1");
        assertThat(access.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        var claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("parley");
        assertThat(claims.getSubject()).isEqualTo("u_1");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(clock.instant());
        assertThat(SignedJWT.parse(token).getHeader().getAlgorithm().getName()).isEqualTo("HS256");
    }

    @Test
    void anExpiredTokenIsRefusedWith401() {
        String token = tokens.accessToken("u_1", "s_1");
        clock.advance(Duration.ofMinutes(15));
        assertThatThrownBy(() -> tokens.verify(token))
                .isInstanceOfSatisfying(ParleyException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
                    assertThat(e.getMessage()).contains("expired");
                });
    }

    @Test
    void aTokenIsValidJustBeforeItExpires() {
        String token = tokens.accessToken("u_1", "s_1", Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(29));
        assertThat(tokens.verify(token)).isPresent();
    }

    @Test
    void aTamperedTokenIsNotOurs() {
        String token = tokens.accessToken("u_1", "s_1");
        String[] parts = token.split("\\.");
        String forgedClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("u_1", "u_2").getBytes(StandardCharsets.UTF_8));
        assertThat(tokens.verify(parts[0] + "." + forgedClaims + "." + parts[2])).isEmpty();
        assertThat(tokens.verify(token.substring(0, token.length() - 2) + "xx")).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherSecretIsNotOurs() {
        TokenService other = new TokenService("another-secret-another-secret-123".getBytes(StandardCharsets.UTF_8),
                Duration.ofMinutes(15), clock, new SecureRandom());
        assertThat(tokens.verify(other.accessToken("u_1", "s_1"))).isEmpty();
    }

    @Test
    void garbageIsNotOurs() {
        assertThat(tokens.verify("not-a-jwt")).isEmpty();
        assertThat(tokens.verify("a.b.c")).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
    }

    @Test
    void refreshTokensAreRandomAndStoredAsSha256Hex() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String token = tokens.newRefreshToken();
            assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
            assertThat(seen.add(token)).isTrue();
        }
        assertThat(TokenService.hashRefreshToken("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new TokenService(new byte[16], Duration.ofMinutes(1), clock, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
