package dev.parley.server.http.dto;

import dev.parley.core.error.FieldError;
import java.util.List;

/** The one error shape: {@code {"error":{"code","message","details":[{"field","message"}]}}}. */
public record ErrorJson(Body error) {
    public record Body(String code, String message, List<FieldError> details) {
    }

    public static ErrorJson of(String code, String message, List<FieldError> details) {
        return new ErrorJson(new Body(code, message, details == null ? List.of() : details));
    }
}
