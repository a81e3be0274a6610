package dev.parley.server.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The secret that signs Parley's access tokens: the configured one, or else one generated on
 * first start and kept in {@code <dataDir>/jwt-secret} (owner read/write only) so tokens survive
 * restarts.
 */
public final class ServerSecret {
    static final String FILE_NAME = "jwt-secret";
    private static final int MIN_BYTES = 32;

    private ServerSecret() {
    }

    /** The configured secret's bytes, or the kept one (generated now if there is none yet). */
    public static byte[] resolve(String configured, Path dataDir, SecureRandom random) {
        if (configured != null) return configured.getBytes(StandardCharsets.UTF_8);
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) create(file, random);
            byte[] secret = Files.readString(file, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
            if (secret.length < MIN_BYTES) {
                throw new IllegalStateException(file + " holds a secret shorter than " + MIN_BYTES
                        + " bytes; delete it to generate a new one (signed-in users will have to sign in again)");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token secret " + file, e);
        }
    }

    private static void create(Path file, SecureRandom random) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
                Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            // Another process created it first; use theirs.
        }
    }
}
