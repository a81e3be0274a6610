package dev.parley.client;

import java.time.Duration;
import java.util.List;

/**
 * An error answer of the server: the HTTP status, the error {@code code} (e.g.
 * {@code validation_failed}), its message, the invalid fields and, for 429, how long to wait.
 * When the body is not Parley's error shape (a proxy's page, say) the code is derived from the
 * status and the message is the start of the body.
 */
public final class ParleyApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final List<FieldError> details;
    private final Duration retryAfter;

    public ParleyApiException(int status, String code, String message, List<FieldError> details, Duration retryAfter) {
        super(status + " " + code + ": " + message);
        this.status = status;
        this.code = code;
        this.details = details == null ? List.of() : List.copyOf(details);
        this.retryAfter = retryAfter;
    }

    /** The HTTP status, e.g. 404. */
    public int status() {
        return status;
    }

    /** The error code, e.g. {@code not_found}. */
    public String code() {
        return code;
    }

    /** The server's message without the status and code prefix. */
    public String errorMessage() {
        String text = getMessage();
        return text.substring(text.indexOf(": ") + 2);
    }

    /** The invalid fields of a 400; empty otherwise. */
    public List<FieldError> details() {
        return details;
    }

    /** The {@code Retry-After} of a 429, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** True if one of the details names {@code field}. */
    public boolean hasFieldError(String field) {
        return details.stream().anyMatch(d -> field.equals(d.field()));
    }

    /** One invalid input field and why. */
    public record FieldError(String field, String message) {
    }

    /** The code Parley gives an HTTP status; used when a body carries none. */
    static String codeOf(int status) {
        return switch (status) {
            case 400 -> "validation_failed";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "rate_limited";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "http_" + status;
        };
    }
}
