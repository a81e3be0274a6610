package dev.parley.server.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.parley.core.port.PasswordHasher;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}).
 * The defaults follow the OWASP recommendation for a server: 19 MiB of memory, 2 iterations, one
 * lane. A hash is verified with the parameters written in it, so the defaults can be raised later
 * without invalidating stored hashes. Thread-safe.
 */
public final class Argon2PasswordHasher implements PasswordHasher {
    public static final int DEFAULT_MEMORY_KIB = 19 * 1024;
    public static final int DEFAULT_ITERATIONS = 2;
    public static final int DEFAULT_PARALLELISM = 1;
    private static final int HASH_BYTES = 32;
    private static final int SALT_BYTES = 16;

    private final Argon2Function function;

    public Argon2PasswordHasher() {
        this(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);
    }

    public Argon2PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this.function = Argon2Function.getInstance(memoryKib, iterations, parallelism, HASH_BYTES, Argon2.ID,
                Argon2Function.ARGON2_VERSION_13);
    }

    @Override
    public String hash(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(function).getResult();
    }

    @Override
    public boolean verify(String password, String hash) {
        if (password == null || hash == null || !hash.startsWith("$argon2id$")) return false;
        try {
            return Argon2Function.getInstanceFromHash(hash).check(password, hash);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
