package dev.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
    @Test
    void onlyConfiguredKeysMatch() {
        ApiKeys keys = new ApiKeys(List.of("first-key-0123456789abcdef", "second-key-0123456789abcdef"));
        assertThat(keys.matches("first-key-0123456789abcdef")).isTrue();
        assertThat(keys.matches("second-key-0123456789abcdef")).isTrue();
        assertThat(keys.matches("first-key-0123456789abcde")).isFalse();
        assertThat(keys.matches("")).isFalse();
        assertThat(keys.matches(null)).isFalse();
        assertThat(new ApiKeys(List.of()).matches("first-key-0123456789abcdef")).isFalse();
    }
}
