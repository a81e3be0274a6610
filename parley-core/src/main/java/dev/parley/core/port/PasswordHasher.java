package dev.parley.core.port;

/** Hashes and checks passwords (Argon2id in production). Thread-safe; hashing is slow on purpose. */
public interface PasswordHasher {
    String hash(String password);

    /** True if {@code password} matches {@code hash}; false for any malformed hash. */
    boolean verify(String password, String hash);
}
