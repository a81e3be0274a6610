package dev.parley.server.config;

import dev.parley.core.Limits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every setting of a Parley server, validated. Built by {@link ConfigLoader} from {@code PARLEY_*}
 * environment variables and an optional properties file; see the README for what each one does.
 *
 * @param jwtSecret       the secret signing Parley's access tokens; null means "generate one and keep it in
 *                        {@code <dataDir>/jwt-secret}"
 * @param hostJwtSecret   HS256 secret of a host application's tokens, or null
 * @param hostJwtJwks     file path or http(s) URL of the host application's JSON Web Key Set, or null
 * @param hostJwtIssuer   required {@code iss} of host tokens, or null for any
 * @param hostJwtAudience required {@code aud} of host tokens, or null for any
 * @param apiKeys         keys of the platform (the host's back end); empty when none
 * @param realtime        the WebSocket protocol's settings
 */
public record ParleyConfig(
        int port,
        String host,
        Path dataDir,
        String databaseUrl,
        String databaseUser,
        String databasePassword,
        int databasePoolSize,
        String jwtSecret,
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        boolean registrationEnabled,
        String hostJwtSecret,
        String hostJwtJwks,
        String hostJwtIssuer,
        String hostJwtAudience,
        List<String> apiKeys,
        long maxBodyBytes,
        int maxTextLength,
        Map<String, RateLimitRule> rateLimits,
        LogFormat logFormat,
        Duration shutdownGrace,
        RealtimeSettings realtime) {

    public ParleyConfig {
        apiKeys = List.copyOf(apiKeys);
        rateLimits = Map.copyOf(rateLimits);
    }

    /** The domain's size bounds with the configured text length. */
    public Limits limits() {
        Limits d = Limits.DEFAULTS;
        return new Limits(maxTextLength, d.maxTitleLength(), d.maxDescriptionLength(), d.maxAttachments(),
                d.maxMentions(), d.maxMembersPerRequest(), d.maxMembersPerConversation(), d.defaultPageSize(),
                d.maxPageSize());
    }

    /** True if host-application tokens are accepted (a shared secret or a key set is configured). */
    public boolean hostTokensEnabled() {
        return hostJwtSecret != null || hostJwtJwks != null;
    }

    public ParleyConfig withPort(int newPort) {
        return new ParleyConfig(newPort, host, dataDir, databaseUrl, databaseUser, databasePassword, databasePoolSize,
                jwtSecret, accessTokenTtl, refreshTokenTtl, registrationEnabled, hostJwtSecret, hostJwtJwks,
                hostJwtIssuer, hostJwtAudience, apiKeys, maxBodyBytes, maxTextLength, rateLimits, logFormat,
                shutdownGrace, realtime);
    }

    @Override
    public String toString() {
        return "ParleyConfig" + ConfigReport.effectiveSettings(this);
    }
}
