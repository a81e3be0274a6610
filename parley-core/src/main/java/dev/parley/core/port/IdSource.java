package dev.parley.core.port;

/**
 * Makes ids. Ids are unique strings of at most 32 characters made of [0-9a-z_], starting with
 * the given prefix ({@code u}, {@code c}, {@code m}, {@code s}); later ids sort after earlier
 * ones from the same source. Thread-safe.
 */
public interface IdSource {
    String next(String prefix);
}
