package dev.parley.core.error;

/** One invalid input field: a JSON-pointer-like path ({@code text}, {@code attachments[0].size}) and why. */
public record FieldError(String field, String message) {
}
