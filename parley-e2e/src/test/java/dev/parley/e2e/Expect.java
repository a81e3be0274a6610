package dev.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parley.client.ParleyApiException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on error answers: the status and the code api.md gives it. */
final class Expect {
    private Expect() {
    }

    /** Runs {@code call}, which must fail with {@code status} and that status's error code. */
    static ParleyApiException fails(int status, ThrowingCallable call) {
        ParleyApiException e = catchThrowableOfType(ParleyApiException.class, call);
        assertThat(e).as("expected an error answer with status %d, but the call succeeded", status).isNotNull();
        assertThat(e.status()).as("status of: %s", e.getMessage()).isEqualTo(status);
        assertThat(e.code()).as("code of: %s", e.getMessage()).isEqualTo(codeOf(status));
        assertThat(e.errorMessage()).as("an error message").isNotBlank();
        return e;
    }

    /** Runs {@code call}, which must fail with 400 naming {@code field} in the details. */
    static ParleyApiException invalid(String field, ThrowingCallable call) {
        ParleyApiException e = fails(400, call);
        assertThat(e.details()).as("details of: %s", e.getMessage())
                .extracting(ParleyApiException.FieldError::field).contains(field);
        return e;
    }

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
            default -> "internal";
        };
    }
}
