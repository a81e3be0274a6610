package dev.parley.client.realtime;

import dev.parley.client.ParleyApiException.FieldError;
import java.util.List;
import java.util.Set;

/**
 * A socket request that did not succeed: the server's error reply (its {@code code}, message and
 * invalid fields, the same codes as REST) or a client-side failure with one of the codes
 * {@link #TIMEOUT}, {@link #CONNECTION_LOST} and {@link #CLOSED}.
 */
public final class RequestFailedException extends RuntimeException {
    /** No reply within the request timeout. The request may still have been carried out. */
    public static final String TIMEOUT = "timeout";
    /** The socket closed before the reply came. The request may still have been carried out. */
    public static final String CONNECTION_LOST = "connection_lost";
    /** The client was closed, or stopped for good. */
    public static final String CLOSED = "closed";

    private static final Set<String> TRANSIENT = Set.of(TIMEOUT, CONNECTION_LOST, "rate_limited", "internal",
            "unavailable");

    private final String op;
    private final String code;
    private final String errorMessage;
    private final List<FieldError> details;

    public RequestFailedException(String op, String code, String errorMessage, List<FieldError> details) {
        super((op == null ? "" : op + ": ") + code + ": " + errorMessage);
        this.op = op;
        this.code = code;
        this.errorMessage = errorMessage;
        this.details = details == null ? List.of() : List.copyOf(details);
    }

    static RequestFailedException of(String op, String code, String message) {
        return new RequestFailedException(op, code, message, List.of());
    }

    /** The request's {@code op}, e.g. {@code message.send}; null for an error reply without a request. */
    public String op() {
        return op;
    }

    /** The error code, e.g. {@code forbidden}, {@code validation_failed} or {@link #TIMEOUT}. */
    public String code() {
        return code;
    }

    /** The message without the op and code prefix. */
    public String errorMessage() {
        return errorMessage;
    }

    /** The invalid fields of a {@code validation_failed}; empty otherwise. */
    public List<FieldError> details() {
        return details;
    }

    /** True if trying again later may succeed (timeouts, lost connections, rate limits, server errors). */
    public boolean isTransient() {
        return TRANSIENT.contains(code);
    }
}
