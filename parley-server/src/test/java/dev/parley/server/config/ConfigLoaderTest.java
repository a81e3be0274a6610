package dev.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final String KEY = "platform-key-0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void defaultsApplyWhenNothingIsSet() {
        ParleyConfig c = ConfigLoader.load(Map.of());
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.host()).isEqualTo("0.0.0.0");
        assertThat(c.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(c.databaseUrl()).isEqualTo("jdbc:sqlite:" + Path.of("./data").resolve("parley.db"));
        assertThat(c.databaseUser()).isNull();
        assertThat(c.databasePassword()).isNull();
        assertThat(c.databasePoolSize()).isEqualTo(10);
        assertThat(c.jwtSecret()).isNull();
        assertThat(c.accessTokenTtl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.refreshTokenTtl()).isEqualTo(Duration.ofDays(30));
        assertThat(c.registrationEnabled()).isTrue();
        assertThat(c.hostJwtSecret()).isNull();
        assertThat(c.hostJwtJwks()).isNull();
        assertThat(c.hostJwtIssuer()).isNull();
        assertThat(c.hostJwtAudience()).isNull();
        assertThat(c.hostTokensEnabled()).isFalse();
        assertThat(c.apiKeys()).isEmpty();
        assertThat(c.maxBodyBytes()).isEqualTo(1_048_576);
        assertThat(c.maxTextLength()).isEqualTo(10_000);
        assertThat(c.rateLimits()).isEqualTo(RateLimitRule.DEFAULTS);
        assertThat(c.rateLimits().get("send")).isEqualTo(new RateLimitRule(30, Duration.ofSeconds(10)));
        assertThat(c.rateLimits().get("login")).isEqualTo(new RateLimitRule(10, Duration.ofSeconds(60)));
        assertThat(c.logFormat()).isEqualTo(LogFormat.TEXT);
        assertThat(c.shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.limits().maxTextLength()).isEqualTo(10_000);
    }

    @Test
    void everySettingIsReadFromTheEnvironment() throws IOException {
        Path jwks = Files.writeString(dir.resolve("jwks.json"), "{\"keys\":[]}");
        Map<String, String> env = new HashMap<>();
        env.put("PARLEY_PORT", "9090");
        env.put("PARLEY_HOST", "127.0.0.1");
        env.put("PARLEY_DATA_DIR", dir.toString());
        env.put("PARLEY_DATABASE_URL", "jdbc:postgresql://db:5432/parley");
        env.put("PARLEY_DATABASE_USER", "parley");
        env.put("PARLEY_DATABASE_PASSWORD", "pw");
        env.put("PARLEY_DATABASE_POOL_SIZE", "20");
        env.put("PARLEY_JWT_SECRET", SECRET);
        env.put("PARLEY_ACCESS_TOKEN_TTL", "5m");
        env.put("PARLEY_REFRESH_TOKEN_TTL", "7d");
        env.put("PARLEY_REGISTRATION_ENABLED", "false");
        env.put("PARLEY_HOST_JWT_SECRET", SECRET + "x");
        env.put("PARLEY_HOST_JWT_JWKS", jwks.toString());
        env.put("PARLEY_HOST_JWT_ISSUER", "https://lms.example");
        env.put("PARLEY_HOST_JWT_AUDIENCE", "parley");
        env.put("PARLEY_API_KEYS", KEY + ", " + KEY + "2");
        env.put("PARLEY_MAX_BODY_BYTES", "2048");
        env.put("PARLEY_MAX_TEXT_LENGTH", "500");
        env.put("PARLEY_RATE_LIMITS", "send=5/1s, login=3/2m");
        env.put("PARLEY_LOG_FORMAT", "JSON");
        env.put("PARLEY_SHUTDOWN_GRACE", "500ms");
        ParleyConfig c = ConfigLoader.load(env);
        assertThat(c.port()).isEqualTo(9090);
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.dataDir()).isEqualTo(dir);
        assertThat(c.databaseUrl()).isEqualTo("jdbc:postgresql://db:5432/parley");
        assertThat(c.databaseUser()).isEqualTo("parley");
        assertThat(c.databasePassword()).isEqualTo("pw");
        assertThat(c.databasePoolSize()).isEqualTo(20);
        assertThat(c.jwtSecret()).isEqualTo(SECRET);
        assertThat(c.accessTokenTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.refreshTokenTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(c.registrationEnabled()).isFalse();
        assertThat(c.hostJwtSecret()).isEqualTo(SECRET + "x");
        assertThat(c.hostJwtJwks()).isEqualTo(jwks.toString());
        assertThat(c.hostJwtIssuer()).isEqualTo("https://lms.example");
        assertThat(c.hostJwtAudience()).isEqualTo("parley");
        assertThat(c.hostTokensEnabled()).isTrue();
        assertThat(c.apiKeys()).containsExactly(KEY, KEY + "2");
        assertThat(c.maxBodyBytes()).isEqualTo(2048);
        assertThat(c.maxTextLength()).isEqualTo(500);
        assertThat(c.limits().maxTextLength()).isEqualTo(500);
        assertThat(c.rateLimits().get("send")).isEqualTo(new RateLimitRule(5, Duration.ofSeconds(1)));
        assertThat(c.rateLimits().get("login")).isEqualTo(new RateLimitRule(3, Duration.ofMinutes(2)));
        assertThat(c.rateLimits().get("edit")).isEqualTo(RateLimitRule.DEFAULTS.get("edit"));
        assertThat(c.logFormat()).isEqualTo(LogFormat.JSON);
        assertThat(c.shutdownGrace()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void theDefaultDatabaseLivesInTheDataDirectory() {
        ParleyConfig c = ConfigLoader.load(Map.of("PARLEY_DATA_DIR", dir.toString()));
        assertThat(c.databaseUrl()).isEqualTo("jdbc:sqlite:" + dir.resolve("parley.db"));
    }

    @Test
    void aBadPortIsNamedWithTheValue() {
        assertThat(problems(Map.of("PARLEY_PORT", "abc")))
                .containsExactly("PARLEY_PORT: must be a number between 0 and 65535 (0 picks a free port), got \"abc\"");
        assertThat(problems(Map.of("PARLEY_PORT", "70000"))).singleElement().asString().startsWith("PARLEY_PORT:");
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        Map<String, String> env = new HashMap<>();
        env.put("PARLEY_PORT", "-1");
        env.put("PARLEY_HOST", "bad host");
        env.put("PARLEY_DATABASE_URL", "mysql://x");
        env.put("PARLEY_DATABASE_POOL_SIZE", "0");
        env.put("PARLEY_JWT_SECRET", "short");
        env.put("PARLEY_ACCESS_TOKEN_TTL", "15 minutes");
        env.put("PARLEY_REFRESH_TOKEN_TTL", "1s");
        env.put("PARLEY_REGISTRATION_ENABLED", "maybe");
        env.put("PARLEY_HOST_JWT_SECRET", "short");
        env.put("PARLEY_HOST_JWT_JWKS", dir.resolve("missing.json").toString());
        env.put("PARLEY_API_KEYS", "tooshort");
        env.put("PARLEY_MAX_BODY_BYTES", "10");
        env.put("PARLEY_MAX_TEXT_LENGTH", "0");
        env.put("PARLEY_RATE_LIMITS", "send=many");
        env.put("PARLEY_LOG_FORMAT", "xml");
        env.put("PARLEY_SHUTDOWN_GRACE", "1y");
        List<String> problems = problems(env);
        assertThat(problems).extracting(p -> p.substring(0, p.indexOf(':'))).containsExactlyInAnyOrder(
                "PARLEY_PORT", "PARLEY_HOST", "PARLEY_DATABASE_URL", "PARLEY_DATABASE_POOL_SIZE", "PARLEY_JWT_SECRET",
                "PARLEY_ACCESS_TOKEN_TTL", "PARLEY_REFRESH_TOKEN_TTL", "PARLEY_REGISTRATION_ENABLED",
                "PARLEY_HOST_JWT_SECRET", "PARLEY_HOST_JWT_JWKS", "PARLEY_API_KEYS", "PARLEY_MAX_BODY_BYTES",
                "PARLEY_MAX_TEXT_LENGTH", "PARLEY_RATE_LIMITS", "PARLEY_LOG_FORMAT", "PARLEY_SHUTDOWN_GRACE");
        assertThat(problems).contains(
                "PARLEY_JWT_SECRET: must be at least 32 bytes long, got 5",
                "PARLEY_ACCESS_TOKEN_TTL: must be a duration like 30s, 15m, 2h or 30d, got \"15 minutes\"",
                "PARLEY_REGISTRATION_ENABLED: must be true or false, got \"maybe\"",
                "PARLEY_API_KEYS: key 1 must be at least 24 characters long, got 8",
                "PARLEY_LOG_FORMAT: must be text or json, got \"xml\"",
                "PARLEY_RATE_LIMITS: entry \"send=many\" is not like send=30/10s");
    }

    @Test
    void refreshTokensMustOutliveAccessTokens() {
        assertThat(problems(Map.of("PARLEY_ACCESS_TOKEN_TTL", "2h", "PARLEY_REFRESH_TOKEN_TTL", "1h")))
                .containsExactly("PARLEY_REFRESH_TOKEN_TTL: must not be shorter than PARLEY_ACCESS_TOKEN_TTL (2h)");
    }

    @Test
    void rateLimitsNameUnknownActionsAndZeroPermits() {
        assertThat(problems(Map.of("PARLEY_RATE_LIMITS", "typing=5/1s"))).singleElement().asString()
                .startsWith("PARLEY_RATE_LIMITS: unknown action \"typing\"");
        assertThat(problems(Map.of("PARLEY_RATE_LIMITS", "send=0/1s"))).singleElement().asString()
                .contains("at least 1");
        assertThat(problems(Map.of("PARLEY_RATE_LIMITS", "send=1/0s"))).singleElement().asString()
                .contains("period above zero");
    }

    @Test
    void aJwksUrlIsAcceptedWithoutFetchingIt() {
        ParleyConfig c = ConfigLoader.load(Map.of("PARLEY_HOST_JWT_JWKS", "https://lms.example/.well-known/jwks.json"));
        assertThat(c.hostJwtJwks()).isEqualTo("https://lms.example/.well-known/jwks.json");
        assertThat(problems(Map.of("PARLEY_HOST_JWT_JWKS", "https://"))).singleElement().asString()
                .startsWith("PARLEY_HOST_JWT_JWKS: is not a valid URL");
    }

    @Test
    void aDataDirectoryThatIsAFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThat(problems(Map.of("PARLEY_DATA_DIR", file.toString()))).singleElement().asString()
                .startsWith("PARLEY_DATA_DIR: must be a directory");
    }

    @Test
    void blankValuesCountAsUnset() {
        ParleyConfig c = ConfigLoader.load(Map.of("PARLEY_PORT", " ", "PARLEY_JWT_SECRET", ""));
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.jwtSecret()).isNull();
    }

    @Test
    void aPropertiesFileIsReadAndTheEnvironmentWins() throws IOException {
        Path file = Files.writeString(dir.resolve("parley.properties"), """
                # settings
                PARLEY_PORT=7000
                PARLEY_HOST=127.0.0.2
                PARLEY_LOG_FORMAT=json
                """);
        ParleyConfig fromFile = ConfigLoader.load(Map.of("PARLEY_CONFIG_FILE", file.toString(), "PARLEY_PORT", "7001"));
        assertThat(fromFile.port()).isEqualTo(7001);
        assertThat(fromFile.host()).isEqualTo("127.0.0.2");
        assertThat(fromFile.logFormat()).isEqualTo(LogFormat.JSON);

        ParleyConfig explicit = ConfigLoader.load(Map.of(), file);
        assertThat(explicit.port()).isEqualTo(7000);
    }

    @Test
    void aMissingFileAndUnknownKeysAreProblems() throws IOException {
        assertThat(problems(Map.of("PARLEY_CONFIG_FILE", dir.resolve("nope.properties").toString())))
                .singleElement().asString().startsWith("PARLEY_CONFIG_FILE: file not found");
        Path file = Files.writeString(dir.resolve("typo.properties"), "port=1\nPARLEY_PORT=abc\n");
        assertThat(problems(Map.of("PARLEY_CONFIG_FILE", file.toString()))).containsExactlyInAnyOrder(
                "PARLEY_CONFIG_FILE: unknown key \"port\" in " + file + " (keys are PARLEY_* names)",
                "PARLEY_PORT: must be a number between 0 and 65535 (0 picks a free port), got \"abc\"");
    }

    @Test
    void theReportMasksSecrets() {
        Map<String, String> env = Map.of("PARLEY_JWT_SECRET", SECRET, "PARLEY_DATABASE_PASSWORD", "hunter2",
                "PARLEY_API_KEYS", KEY, "PARLEY_HOST_JWT_SECRET", SECRET,
                "PARLEY_DATABASE_URL", "jdbc:postgresql://db/parley?user=a&password=hunter2");
        ParleyConfig c = ConfigLoader.load(env);
        Map<String, String> report = ConfigReport.effectiveSettings(c);
        assertThat(report).containsKeys("PARLEY_PORT", "PARLEY_RATE_LIMITS", "PARLEY_SHUTDOWN_GRACE");
        assertThat(report.get("PARLEY_JWT_SECRET")).isEqualTo("********");
        assertThat(report.get("PARLEY_HOST_JWT_SECRET")).isEqualTo("********");
        assertThat(report.get("PARLEY_DATABASE_PASSWORD")).isEqualTo("********");
        assertThat(report.get("PARLEY_DATABASE_URL")).isEqualTo("jdbc:postgresql://db/parley?user=a&password=********");
        assertThat(report.toString()).doesNotContain(SECRET, "hunter2", KEY);
        assertThat(c.toString()).doesNotContain(SECRET, "hunter2", KEY);
        assertThat(report.get("PARLEY_RATE_LIMITS"))
                .isEqualTo("create_conversation=10/1m,edit=20/10s,login=10/1m,react=60/10s,send=30/10s");
    }

    @Test
    void realtimeSettingsHaveTheProtocolDefaults() {
        RealtimeSettings r = ConfigLoader.load(Map.of()).realtime();
        assertThat(r).isEqualTo(RealtimeSettings.DEFAULTS);
        assertThat(r.resumeMaxEvents()).isEqualTo(1_000);
        assertThat(r.presenceIdle()).isEqualTo(Duration.ofMinutes(5));
        assertThat(r.presenceGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(r.queueFrames()).isEqualTo(1_024);
        assertThat(r.queueBytes()).isEqualTo(4L * 1_048_576);
        assertThat(r.maxFrameBytes()).isEqualTo(65_536);
        assertThat(r.pingInterval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(r.pingTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(r.authTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void realtimeSettingsAreReadFromTheEnvironmentAndReported() {
        Map<String, String> env = new HashMap<>();
        env.put("PARLEY_RESUME_MAX_EVENTS", "50");
        env.put("PARLEY_PRESENCE_IDLE", "90s");
        env.put("PARLEY_PRESENCE_GRACE", "0s");
        env.put("PARLEY_WS_QUEUE_FRAMES", "32");
        env.put("PARLEY_WS_MAX_FRAME_BYTES", "2048");
        env.put("PARLEY_WS_PING_INTERVAL", "500ms");
        env.put("PARLEY_WS_PING_TIMEOUT", "2s");
        env.put("PARLEY_WS_AUTH_TIMEOUT", "300ms");
        ParleyConfig c = ConfigLoader.load(env);
        assertThat(c.realtime()).isEqualTo(new RealtimeSettings(50, Duration.ofSeconds(90), Duration.ZERO, 32, 2048,
                Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofMillis(300)));
        assertThat(c.realtime().queueBytes()).as("at least 1 MiB").isEqualTo(1_048_576);
        assertThat(ConfigReport.effectiveSettings(c)).containsEntry("PARLEY_RESUME_MAX_EVENTS", "50")
                .containsEntry("PARLEY_PRESENCE_IDLE", "90s").containsEntry("PARLEY_PRESENCE_GRACE", "0s")
                .containsEntry("PARLEY_WS_QUEUE_FRAMES", "32").containsEntry("PARLEY_WS_MAX_FRAME_BYTES", "2048")
                .containsEntry("PARLEY_WS_PING_INTERVAL", "500ms").containsEntry("PARLEY_WS_PING_TIMEOUT", "2s")
                .containsEntry("PARLEY_WS_AUTH_TIMEOUT", "300ms");
    }

    @Test
    void badRealtimeSettingsAreNamed() {
        Map<String, String> env = new HashMap<>();
        env.put("PARLEY_RESUME_MAX_EVENTS", "0");
        env.put("PARLEY_PRESENCE_IDLE", "0s");
        env.put("PARLEY_PRESENCE_GRACE", "1h");
        env.put("PARLEY_WS_QUEUE_FRAMES", "many");
        env.put("PARLEY_WS_MAX_FRAME_BYTES", "2000000");
        env.put("PARLEY_WS_PING_INTERVAL", "10ms");
        env.put("PARLEY_WS_AUTH_TIMEOUT", "1d");
        assertThat(problems(env)).extracting(p -> p.substring(0, p.indexOf(':'))).containsExactlyInAnyOrder(
                "PARLEY_RESUME_MAX_EVENTS", "PARLEY_PRESENCE_IDLE", "PARLEY_PRESENCE_GRACE", "PARLEY_WS_QUEUE_FRAMES",
                "PARLEY_WS_MAX_FRAME_BYTES", "PARLEY_WS_PING_INTERVAL", "PARLEY_WS_AUTH_TIMEOUT");
        assertThat(problems(Map.of("PARLEY_WS_PING_INTERVAL", "30s", "PARLEY_WS_PING_TIMEOUT", "30s")))
                .containsExactly("PARLEY_WS_PING_TIMEOUT: must be longer than PARLEY_WS_PING_INTERVAL (30s)");
        assertThat(problems(Map.of("PARLEY_WS_MAX_FRAME_BYTES", "2000000"))).containsExactly(
                "PARLEY_WS_MAX_FRAME_BYTES: must be a number between 1024 and 1048576 (the transport's hard limit), got \"2000000\"");
    }

    @Test
    void durationsParseAndFormat() {
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofMinutes(120))).isEqualTo("2h");
        assertThatThrownBy(() -> Durations.parse("10")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Durations.parse("-1s")).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> problems(Map<String, String> env) {
        try {
            ConfigLoader.load(env);
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected the configuration to be refused");
    }
}
