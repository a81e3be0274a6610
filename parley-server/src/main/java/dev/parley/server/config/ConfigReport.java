package dev.parley.server.config;

import static dev.parley.server.config.Setting.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The effective settings for people to read, with every secret masked. */
public final class ConfigReport {
    static final String MASK = "********";

    private ConfigReport() {
    }

    /** Setting name to effective value, in a stable order; secrets appear as {@code ********}. */
    public static Map<String, String> effectiveSettings(ParleyConfig c) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(PORT, String.valueOf(c.port()));
        out.put(HOST, c.host());
        out.put(DATA_DIR, String.valueOf(c.dataDir()));
        out.put(DATABASE_URL, maskUrl(c.databaseUrl()));
        out.put(DATABASE_USER, orUnset(c.databaseUser()));
        out.put(DATABASE_PASSWORD, masked(c.databasePassword()));
        out.put(DATABASE_POOL_SIZE, String.valueOf(c.databasePoolSize()));
        out.put(JWT_SECRET, c.jwtSecret() != null ? MASK : "(generated on first start, kept in "
                + c.dataDir().resolve("jwt-secret") + ")");
        out.put(ACCESS_TOKEN_TTL, Durations.format(c.accessTokenTtl()));
        out.put(REFRESH_TOKEN_TTL, Durations.format(c.refreshTokenTtl()));
        out.put(REGISTRATION_ENABLED, String.valueOf(c.registrationEnabled()));
        out.put(HOST_JWT_SECRET, masked(c.hostJwtSecret()));
        out.put(HOST_JWT_JWKS, orUnset(c.hostJwtJwks()));
        out.put(HOST_JWT_ISSUER, orUnset(c.hostJwtIssuer()));
        out.put(HOST_JWT_AUDIENCE, orUnset(c.hostJwtAudience()));
        out.put(API_KEYS, c.apiKeys().isEmpty() ? "(none)" : c.apiKeys().size() + " key(s) " + MASK);
        out.put(MAX_BODY_BYTES, String.valueOf(c.maxBodyBytes()));
        out.put(MAX_TEXT_LENGTH, String.valueOf(c.maxTextLength()));
        out.put(RATE_LIMITS, new TreeMap<>(c.rateLimits()).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
        out.put(LOG_FORMAT, c.logFormat().wireName());
        out.put(SHUTDOWN_GRACE, Durations.format(c.shutdownGrace()));
        RealtimeSettings r = c.realtime();
        out.put(RESUME_MAX_EVENTS, String.valueOf(r.resumeMaxEvents()));
        out.put(PRESENCE_IDLE, Durations.format(r.presenceIdle()));
        out.put(PRESENCE_GRACE, Durations.format(r.presenceGrace()));
        out.put(WS_QUEUE_FRAMES, String.valueOf(r.queueFrames()));
        out.put(WS_MAX_FRAME_BYTES, String.valueOf(r.maxFrameBytes()));
        out.put(WS_PING_INTERVAL, Durations.format(r.pingInterval()));
        out.put(WS_PING_TIMEOUT, Durations.format(r.pingTimeout()));
        out.put(WS_AUTH_TIMEOUT, Durations.format(r.authTimeout()));
        return out;
    }

    private static String masked(String secret) {
        return secret == null ? "(unset)" : MASK;
    }

    private static String orUnset(String value) {
        return value == null ? "(unset)" : value;
    }

    /** Hides credentials written into a JDBC URL ({@code user:pass@}, {@code password=...}). */
    static String maskUrl(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1" + MASK)
                .replaceAll("(//[^/@:]+:)[^/@]*@", "$1" + MASK + "@");
    }
}
