package dev.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSecretTest {
    @TempDir
    Path dir;

    @Test
    void aConfiguredSecretIsUsedAsIs() {
        byte[] secret = ServerSecret.resolve("0123456789abcdef0123456789abcdef", dir, new SecureRandom());
        assertThat(new String(secret, StandardCharsets.UTF_8)).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(dir.resolve("jwt-secret")).doesNotExist();
    }

    @Test
    void withoutOneASecretIsGeneratedKeptPrivatelyAndReused() throws IOException {
        Path data = dir.resolve("data");
        byte[] first = ServerSecret.resolve(null, data, new SecureRandom());
        byte[] second = ServerSecret.resolve(null, data, new SecureRandom());
        assertThat(first.length).isGreaterThanOrEqualTo(32);
        assertThat(second).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("jwt-secret"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aKeptSecretThatIsTooShortIsRefused() throws IOException {
        Files.writeString(dir.resolve("jwt-secret"), "short");
        assertThatThrownBy(() -> ServerSecret.resolve(null, dir, new SecureRandom()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("shorter than 32 bytes");
    }
}
