package dev.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Argon2PasswordHasherTest {
    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher();

    @Test
    void hashesAreArgon2idWithTheServerParametersAndVerify() {
        String hash = hasher.hash("correct horse battery staple");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
        assertThat(hasher.verify("correct horse battery stapler", hash)).isFalse();
    }

    @Test
    void everyHashHasItsOwnSalt() {
        assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
    }

    @Test
    void hashesMadeWithOtherParametersStillVerify() {
        String cheap = new Argon2PasswordHasher(1024, 1, 1).hash("pässwörd ✓");
        assertThat(cheap).contains("m=1024,t=1,p=1");
        assertThat(hasher.verify("pässwörd ✓", cheap)).isTrue();
    }

    @Test
    void malformedHashesDoNotVerify() {
        assertThat(hasher.verify("x", null)).isFalse();
        assertThat(hasher.verify("x", "")).isFalse();
        assertThat(hasher.verify("x", "fake:x")).isFalse();
        assertThat(hasher.verify("x", "$argon2id$v=19$m=19456,t=2,p=1$garbage")).isFalse();
        assertThat(hasher.verify(null, hasher.hash("x"))).isFalse();
    }
}
