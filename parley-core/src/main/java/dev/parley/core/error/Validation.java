package dev.parley.core.error;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects field errors of one request and throws them all at once, so a client sees every
 * problem in a single 400 answer. Not thread-safe; one instance per request.
 */
public final class Validation {
    private final List<FieldError> errors = new ArrayList<>();

    public Validation require(boolean condition, String field, String message) {
        if (!condition) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    public Validation requireText(String value, String field, int min, int max) {
        if (value == null) {
            if (min > 0) errors.add(new FieldError(field, "is required"));
            return this;
        }
        int length = value.codePointCount(0, value.length());
        if (min > 0 && value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
        } else if (length < min) {
            errors.add(new FieldError(field, "must have at least " + min + " characters"));
        } else if (length > max) {
            errors.add(new FieldError(field, "must have at most " + max + " characters"));
        }
        return this;
    }

    public Validation optionalText(String value, String field, int max) {
        return requireText(value, field, 0, max);
    }

    public Validation matches(String value, Pattern pattern, String field, String message) {
        if (value != null && !pattern.matcher(value).matches()) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    public Validation maxSize(Collection<?> values, String field, int max) {
        if (values != null && values.size() > max) {
            errors.add(new FieldError(field, "must have at most " + max + " items"));
        }
        return this;
    }

    public Validation add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws {@link ParleyException#invalid(List)} if any check failed. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ParleyException.invalid(errors);
        }
    }
}
