package dev.parley.core.error;

import java.time.Duration;
import java.util.List;

/**
 * The one exception the domain throws for a request that cannot be served. Transports turn it
 * into {@code {"error":{"code","message","details"}}} with the code's HTTP status.
 */
public final class ParleyException extends RuntimeException {
    private final ErrorCode code;
    private final List<FieldError> details;
    private final Duration retryAfter;

    private ParleyException(ErrorCode code, String message, List<FieldError> details, Duration retryAfter) {
        super(message, null, false, false);
        this.code = code;
        this.details = List.copyOf(details);
        this.retryAfter = retryAfter;
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> details() {
        return details;
    }

    /** Only for {@link ErrorCode#RATE_LIMITED}: how long the caller should wait; otherwise null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public static ParleyException invalid(List<FieldError> details) {
        return new ParleyException(ErrorCode.VALIDATION_FAILED, "The request is invalid", details, null);
    }

    public static ParleyException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ParleyException unauthenticated(String message) {
        return new ParleyException(ErrorCode.UNAUTHENTICATED, message, List.of(), null);
    }

    public static ParleyException forbidden(String message) {
        return new ParleyException(ErrorCode.FORBIDDEN, message, List.of(), null);
    }

    public static ParleyException notFound(String what) {
        return new ParleyException(ErrorCode.NOT_FOUND, what + " not found", List.of(), null);
    }

    public static ParleyException conflict(String message) {
        return new ParleyException(ErrorCode.CONFLICT, message, List.of(), null);
    }

    public static ParleyException tooLarge(String message) {
        return new ParleyException(ErrorCode.PAYLOAD_TOO_LARGE, message, List.of(), null);
    }

    public static ParleyException unsupportedMediaType(String message) {
        return new ParleyException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, message, List.of(), null);
    }

    public static ParleyException rateLimited(String action, Duration retryAfter) {
        return new ParleyException(ErrorCode.RATE_LIMITED, "Too many requests: " + action, List.of(), retryAfter);
    }

    public static ParleyException unavailable(String message) {
        return new ParleyException(ErrorCode.UNAVAILABLE, message, List.of(), null);
    }
}
