package dev.parley.server.http;

import dev.parley.core.error.ErrorCode;
import dev.parley.core.error.FieldError;
import dev.parley.core.error.ParleyException;
import dev.parley.server.http.dto.ErrorJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into the one error shape {@code {"error":{"code","message","details"}}}:
 * {@link ParleyException} with its code's status (429 adds {@code Retry-After} in whole seconds,
 * rounded up), Javalin's own 404/413/... responses with a matching code, and anything else as
 * a 500 {@code internal} that is logged with the request id and never shows a stack trace.
 */
public final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(ParleyException.class, (e, ctx) -> write(ctx, e));
        routes.exception(HttpResponseException.class, (e, ctx) -> writeHttp(ctx, e.getStatus(), e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Request {} {} failed (request id {})", ctx.method(), ctx.path(), RequestIds.of(ctx), e);
            write(ctx, 500, ErrorCode.INTERNAL.wireName(),
                    "Something went wrong on our side; quote request id " + RequestIds.of(ctx), List.of());
        });
    }

    /** Answers a {@link java.lang.Error} (out of memory, a missing class) in the same shape, logged. */
    public static void registerFatal(io.javalin.config.JavalinConfig config) {
        config.router.javaLangErrorHandler((response, error) -> {
            String requestId = org.slf4j.MDC.get(RequestIds.MDC_KEY);
            LOG.error("Fatal error while serving a request (request id {})", requestId, error);
            if (response.isCommitted()) return;
            try {
                response.resetBuffer();
                response.setStatus(500);
                response.setContentType("application/json");
                response.getOutputStream().write(Json.MAPPER.writeValueAsBytes(ErrorJson.of(
                        ErrorCode.INTERNAL.wireName(),
                        "Something went wrong on our side; quote request id " + requestId, List.of())));
            } catch (java.io.IOException | IllegalStateException e) {
                LOG.debug("Could not write the error answer", e);
            }
        });
    }

    /** Writes a domain error with its status (and Retry-After for rate limits). */
    public static void write(Context ctx, ParleyException e) {
        if (e.code() == ErrorCode.RATE_LIMITED && e.retryAfter() != null) {
            ctx.header("Retry-After", String.valueOf(retryAfterSeconds(e.retryAfter())));
        }
        write(ctx, e.code().httpStatus(), e.code().wireName(), e.getMessage(), e.details());
    }

    static long retryAfterSeconds(java.time.Duration wait) {
        long nanos = Math.max(0, wait.toNanos());
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    private static void writeHttp(Context ctx, int status, String message) {
        String code = switch (status) {
            case 400 -> ErrorCode.VALIDATION_FAILED.wireName();
            case 401 -> ErrorCode.UNAUTHENTICATED.wireName();
            case 403 -> ErrorCode.FORBIDDEN.wireName();
            case 404 -> ErrorCode.NOT_FOUND.wireName();
            case 409 -> ErrorCode.CONFLICT.wireName();
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE.wireName();
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE.wireName();
            case 429 -> ErrorCode.RATE_LIMITED.wireName();
            case 503 -> ErrorCode.UNAVAILABLE.wireName();
            default -> status >= 500 ? ErrorCode.INTERNAL.wireName() : "http_" + status;
        };
        String text = switch (status) {
            case 404 -> "No such resource: " + ctx.method() + " " + ctx.path();
            case 413 -> "The request body is too large";
            default -> message == null || message.isBlank() ? "HTTP " + status : message;
        };
        write(ctx, status, code, text, List.of());
    }

    private static void write(Context ctx, int status, String code, String message, List<FieldError> details) {
        ctx.status(status).json(ErrorJson.of(code, message, details));
    }
}
