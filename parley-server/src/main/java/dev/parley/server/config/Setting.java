package dev.parley.server.config;

/** The names of the settings: environment variables, also used as keys in the properties file. */
public final class Setting {
    public static final String CONFIG_FILE = "PARLEY_CONFIG_FILE";
    public static final String PORT = "PARLEY_PORT";
    public static final String HOST = "PARLEY_HOST";
    public static final String DATA_DIR = "PARLEY_DATA_DIR";
    public static final String DATABASE_URL = "PARLEY_DATABASE_URL";
    public static final String DATABASE_USER = "PARLEY_DATABASE_USER";
    public static final String DATABASE_PASSWORD = "PARLEY_DATABASE_PASSWORD";
    public static final String DATABASE_POOL_SIZE = "PARLEY_DATABASE_POOL_SIZE";
    public static final String JWT_SECRET = "PARLEY_JWT_SECRET";
    public static final String ACCESS_TOKEN_TTL = "PARLEY_ACCESS_TOKEN_TTL";
    public static final String REFRESH_TOKEN_TTL = "PARLEY_REFRESH_TOKEN_TTL";
    public static final String REGISTRATION_ENABLED = "PARLEY_REGISTRATION_ENABLED";
    public static final String HOST_JWT_SECRET = "PARLEY_HOST_JWT_SECRET";
    public static final String HOST_JWT_JWKS = "PARLEY_HOST_JWT_JWKS";
    public static final String HOST_JWT_ISSUER = "PARLEY_HOST_JWT_ISSUER";
    public static final String HOST_JWT_AUDIENCE = "PARLEY_HOST_JWT_AUDIENCE";
    public static final String API_KEYS = "PARLEY_API_KEYS";
    public static final String MAX_BODY_BYTES = "PARLEY_MAX_BODY_BYTES";
    public static final String MAX_TEXT_LENGTH = "PARLEY_MAX_TEXT_LENGTH";
    public static final String RATE_LIMITS = "PARLEY_RATE_LIMITS";
    public static final String LOG_FORMAT = "PARLEY_LOG_FORMAT";
    public static final String SHUTDOWN_GRACE = "PARLEY_SHUTDOWN_GRACE";
    public static final String RESUME_MAX_EVENTS = "PARLEY_RESUME_MAX_EVENTS";
    public static final String PRESENCE_IDLE = "PARLEY_PRESENCE_IDLE";
    public static final String PRESENCE_GRACE = "PARLEY_PRESENCE_GRACE";
    public static final String WS_QUEUE_FRAMES = "PARLEY_WS_QUEUE_FRAMES";
    public static final String WS_MAX_FRAME_BYTES = "PARLEY_WS_MAX_FRAME_BYTES";
    public static final String WS_PING_INTERVAL = "PARLEY_WS_PING_INTERVAL";
    public static final String WS_PING_TIMEOUT = "PARLEY_WS_PING_TIMEOUT";
    public static final String WS_AUTH_TIMEOUT = "PARLEY_WS_AUTH_TIMEOUT";

    private Setting() {
    }
}
