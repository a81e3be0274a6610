package dev.parley.store;

/**
 * Where the database is: a JDBC URL ({@code jdbc:sqlite:...} or {@code jdbc:postgresql://...}),
 * credentials (ignored by SQLite) and the connection pool size.
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize) {
}
