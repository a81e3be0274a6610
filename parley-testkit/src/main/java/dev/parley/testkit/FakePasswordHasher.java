package dev.parley.testkit;

import dev.parley.core.port.PasswordHasher;

/** A fast, reversible stand-in for Argon2 in tests that are not about hashing. */
public final class FakePasswordHasher implements PasswordHasher {
    @Override
    public String hash(String password) {
        return "fake:" + new StringBuilder(password).reverse();
    }

    @Override
    public boolean verify(String password, String hash) {
        return hash != null && hash.equals(hash(password));
    }
}
