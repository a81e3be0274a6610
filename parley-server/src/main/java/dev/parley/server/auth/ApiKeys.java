package dev.parley.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * The platform's API keys. Checking compares against every configured key in constant time, so
 * the answer's timing tells nothing about how much of a key was right. Thread-safe.
 */
public final class ApiKeys {
    private final List<byte[]> keys;

    public ApiKeys(List<String> keys) {
        this.keys = keys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /** True if {@code candidate} is one of the configured keys. */
    public boolean matches(String candidate) {
        if (candidate == null) return false;
        byte[] given = candidate.getBytes(StandardCharsets.UTF_8);
        boolean found = false;
        for (byte[] key : keys) {
            found |= MessageDigest.isEqual(key, given);
        }
        return found;
    }
}
