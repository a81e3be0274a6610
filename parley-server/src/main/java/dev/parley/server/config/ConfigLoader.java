package dev.parley.server.config;

import static dev.parley.server.config.Setting.*;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Reads the settings from {@code PARLEY_*} environment variables and an optional properties file
 * (keys are the same names; the environment wins), checks every one and either returns the
 * config or throws a {@link ConfigException} listing every problem, each naming its setting.
 * A blank value counts as not set.
 */
public final class ConfigLoader {
    private final Map<String, String> values;
    private final List<String> problems = new ArrayList<>();

    private ConfigLoader(Map<String, String> values) {
        this.values = values;
    }

    /** Loads from the environment and the file named by {@code PARLEY_CONFIG_FILE}, if any. */
    public static ParleyConfig load(Map<String, String> env) {
        return load(env, null);
    }

    /** Loads from the environment and {@code configFile} (null: the file named by {@code PARLEY_CONFIG_FILE}, if any). */
    public static ParleyConfig load(Map<String, String> env, Path configFile) {
        List<String> fileProblems = new ArrayList<>();
        Map<String, String> merged = new HashMap<>();
        String fileName = configFile != null ? configFile.toString() : blankToNull(env.get(CONFIG_FILE));
        if (fileName != null) merged.putAll(readFile(fileName, fileProblems));
        env.forEach((key, value) -> {
            if (key.startsWith("PARLEY_") && blankToNull(value) != null) merged.put(key, value.strip());
        });
        ConfigLoader loader = new ConfigLoader(merged);
        loader.problems.addAll(fileProblems);
        return loader.build();
    }

    private static Map<String, String> readFile(String fileName, List<String> problems) {
        Map<String, String> values = new HashMap<>();
        Path path;
        try {
            path = Path.of(fileName);
        } catch (InvalidPathException e) {
            problems.add(CONFIG_FILE + ": is not a valid path, got \"" + fileName + "\"");
            return values;
        }
        if (!Files.isRegularFile(path)) {
            problems.add(CONFIG_FILE + ": file not found: " + fileName);
            return values;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            problems.add(CONFIG_FILE + ": cannot read " + fileName + ": " + e.getMessage());
            return values;
        }
        for (String key : properties.stringPropertyNames()) {
            String value = blankToNull(properties.getProperty(key));
            if (!key.startsWith("PARLEY_")) {
                problems.add(CONFIG_FILE + ": unknown key \"" + key + "\" in " + fileName + " (keys are PARLEY_* names)");
            } else if (value != null) {
                values.put(key, value);
            }
        }
        return values;
    }

    private ParleyConfig build() {
        int port = integer(PORT, 8080, 0, 65535, " (0 picks a free port)");
        String host = text(HOST, "0.0.0.0");
        if (host.chars().anyMatch(Character::isWhitespace)) problem(HOST, "must be a host name or IP address, got \"" + host + "\"");
        Path dataDir = path(DATA_DIR, "./data");
        String databaseUrl = text(DATABASE_URL, "jdbc:sqlite:" + (dataDir == null ? Path.of("data") : dataDir).resolve("parley.db"));
        if (!databaseUrl.startsWith("jdbc:sqlite:") && !databaseUrl.startsWith("jdbc:postgresql:")) {
            problem(DATABASE_URL, "must start with jdbc:sqlite: or jdbc:postgresql:, got \"" + databaseUrl + "\"");
        }
        String databaseUser = text(DATABASE_USER, null);
        String databasePassword = text(DATABASE_PASSWORD, null);
        int poolSize = integer(DATABASE_POOL_SIZE, 10, 1, 200, "");
        String jwtSecret = secret(JWT_SECRET);
        Duration accessTtl = duration(ACCESS_TOKEN_TTL, "15m", Duration.ofSeconds(30), Duration.ofDays(1));
        Duration refreshTtl = duration(REFRESH_TOKEN_TTL, "30d", Duration.ofMinutes(5), Duration.ofDays(3650));
        if (accessTtl != null && refreshTtl != null && refreshTtl.compareTo(accessTtl) < 0) {
            problem(REFRESH_TOKEN_TTL, "must not be shorter than " + ACCESS_TOKEN_TTL + " (" + Durations.format(accessTtl) + ")");
        }
        boolean registration = bool(REGISTRATION_ENABLED, true);
        String hostSecret = secret(HOST_JWT_SECRET);
        String jwks = jwks();
        String issuer = text(HOST_JWT_ISSUER, null);
        String audience = text(HOST_JWT_AUDIENCE, null);
        List<String> apiKeys = apiKeys();
        long maxBody = integer(MAX_BODY_BYTES, 1_048_576, 1_024, 104_857_600, "");
        int maxText = integer(MAX_TEXT_LENGTH, 10_000, 1, 1_000_000, "");
        Map<String, RateLimitRule> rateLimits = parsed(RATE_LIMITS, RateLimitRule.DEFAULTS, RateLimitRule::parse);
        LogFormat logFormat = parsed(LOG_FORMAT, LogFormat.TEXT, ConfigLoader::logFormat);
        Duration grace = duration(SHUTDOWN_GRACE, "10s", Duration.ZERO, Duration.ofMinutes(10));
        RealtimeSettings realtime = realtime();
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return new ParleyConfig(port, host, dataDir, databaseUrl, databaseUser, databasePassword, poolSize, jwtSecret,
                accessTtl, refreshTtl, registration, hostSecret, jwks, issuer, audience, apiKeys, maxBody, maxText,
                rateLimits, logFormat, grace, realtime);
    }

    private RealtimeSettings realtime() {
        int resumeMax = integer(RESUME_MAX_EVENTS, 1_000, 1, 100_000, "");
        Duration idle = duration(PRESENCE_IDLE, "5m", Duration.ofSeconds(1), Duration.ofDays(1));
        Duration presenceGrace = duration(PRESENCE_GRACE, "10s", Duration.ZERO, Duration.ofMinutes(10));
        int queueFrames = integer(WS_QUEUE_FRAMES, 1_024, 16, 65_536, "");
        int maxFrame = integer(WS_MAX_FRAME_BYTES, 65_536, 1_024, RealtimeSettings.HARD_FRAME_LIMIT_BYTES,
                " (the transport's hard limit)");
        Duration pingInterval = duration(WS_PING_INTERVAL, "20s", Duration.ofMillis(100), Duration.ofMinutes(10));
        Duration pingTimeout = duration(WS_PING_TIMEOUT, "45s", Duration.ofMillis(200), Duration.ofHours(1));
        if (pingTimeout.compareTo(pingInterval) <= 0) {
            problem(WS_PING_TIMEOUT, "must be longer than " + WS_PING_INTERVAL + " (" + Durations.format(pingInterval) + ")");
        }
        Duration authTimeout = duration(WS_AUTH_TIMEOUT, "10s", Duration.ofMillis(100), Duration.ofMinutes(5));
        return new RealtimeSettings(resumeMax, idle, presenceGrace, queueFrames, maxFrame, pingInterval, pingTimeout,
                authTimeout);
    }

    private String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    private int integer(String name, int fallback, int min, int max, String hint) {
        String raw = values.get(name);
        if (raw == null) return fallback;
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(name, "must be a number between " + min + " and " + max + hint + ", got \"" + raw + "\"");
        return fallback;
    }

    private boolean bool(String name, boolean fallback) {
        String raw = values.get(name);
        if (raw == null) return fallback;
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problem(name, "must be true or false, got \"" + raw + "\"");
                yield fallback;
            }
        };
    }

    private Path path(String name, String fallback) {
        String raw = text(name, fallback);
        try {
            Path path = Path.of(raw);
            if (Files.exists(path) && !Files.isDirectory(path)) {
                problem(name, "must be a directory, but " + raw + " is a file");
            }
            return path;
        } catch (InvalidPathException e) {
            problem(name, "is not a valid path, got \"" + raw + "\"");
            return null;
        }
    }

    private Duration duration(String name, String fallback, Duration min, Duration max) {
        String raw = text(name, fallback);
        try {
            Duration value = Durations.parse(raw);
            if (value.compareTo(min) >= 0 && value.compareTo(max) <= 0) return value;
            problem(name, "must be between " + Durations.format(min) + " and " + Durations.format(max) + ", got \"" + raw + "\"");
        } catch (IllegalArgumentException e) {
            problem(name, e.getMessage());
        }
        return Durations.parse(fallback);
    }

    private String secret(String name) {
        String raw = values.get(name);
        if (raw != null && raw.getBytes(StandardCharsets.UTF_8).length < 32) {
            problem(name, "must be at least 32 bytes long, got " + raw.getBytes(StandardCharsets.UTF_8).length);
        }
        return raw;
    }

    private String jwks() {
        String raw = values.get(HOST_JWT_JWKS);
        if (raw == null) return null;
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            try {
                URI uri = new URI(raw);
                if (uri.getHost() == null) throw new IllegalArgumentException();
            } catch (Exception e) {
                problem(HOST_JWT_JWKS, "is not a valid URL, got \"" + raw + "\"");
            }
        } else {
            try {
                if (!Files.isReadable(Path.of(raw)) || Files.isDirectory(Path.of(raw))) {
                    problem(HOST_JWT_JWKS, "must be an http(s) URL or a readable file, got \"" + raw + "\"");
                }
            } catch (InvalidPathException e) {
                problem(HOST_JWT_JWKS, "must be an http(s) URL or a readable file, got \"" + raw + "\"");
            }
        }
        return raw;
    }

    private List<String> apiKeys() {
        String raw = values.get(API_KEYS);
        if (raw == null) return List.of();
        List<String> keys = Arrays.stream(raw.split(",")).map(String::strip).toList();
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).length() < 24) {
                problem(API_KEYS, "key " + (i + 1) + " must be at least 24 characters long, got " + keys.get(i).length());
            }
        }
        return keys;
    }

    private <T> T parsed(String name, T fallback, Function<String, T> parser) {
        String raw = values.get(name);
        if (raw == null) return fallback;
        try {
            return parser.apply(raw);
        } catch (IllegalArgumentException e) {
            problem(name, e.getMessage());
            return fallback;
        }
    }

    private static LogFormat logFormat(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "text" -> LogFormat.TEXT;
            case "json" -> LogFormat.JSON;
            default -> throw new IllegalArgumentException("must be text or json, got \"" + raw + "\"");
        };
    }

    private void problem(String name, String message) {
        problems.add(name + ": " + message);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
