package dev.parley.core.error;

/**
 * The registry of error codes shared by REST and WebSocket. Each code maps to one HTTP status;
 * docs/protocol.md and docs/api/openapi.yaml list the same codes.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    CONFLICT(409),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    RATE_LIMITED(429),
    INTERNAL(500),
    UNAVAILABLE(503);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The wire form: lower-case with underscores, e.g. {@code validation_failed}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
