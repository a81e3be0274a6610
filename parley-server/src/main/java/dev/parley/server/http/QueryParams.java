package dev.parley.server.http;

import dev.parley.core.conversation.ConversationKind;
import dev.parley.core.error.Validation;
import dev.parley.core.message.MessageType;
import dev.parley.server.api.dto.Wire;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads a request's query parameters into typed values, collecting every problem as a field
 * error so that one 400 names them all ({@link #throwIfInvalid}). An absent or empty parameter
 * reads as null; a parameter given twice is an error. Not thread-safe; one per request.
 */
public final class QueryParams {
    private final Map<String, List<String>> params;
    private final Validation validation = new Validation();

    public QueryParams(Map<String, List<String>> params) {
        this.params = params;
    }

    /** The raw value, null when absent or empty. */
    public String text(String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) return null;
        if (values.size() > 1) {
            validation.add(name, "must be given once");
            return null;
        }
        String value = values.getFirst();
        return value == null || value.isEmpty() ? null : value;
    }

    public Integer integer(String name) {
        String value = text(name);
        if (value == null) return null;
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            validation.add(name, "must be a whole number");
            return null;
        }
    }

    public Long whole(String name) {
        String value = text(name);
        if (value == null) return null;
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            validation.add(name, "must be a whole number");
            return null;
        }
    }

    /** Exactly {@code true} or {@code false}. */
    public Boolean bool(String name) {
        String value = text(name);
        if (value == null) return null;
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                validation.add(name, "must be true or false");
                yield null;
            }
        };
    }

    public Instant time(String name) {
        return Wire.time(text(name), name, validation);
    }

    public ConversationKind kind(String name) {
        return Wire.kind(text(name), name, validation);
    }

    public MessageType messageType(String name) {
        return Wire.messageType(text(name), name, validation);
    }

    /** Throws one 400 with every problem found so far. */
    public void throwIfInvalid() {
        validation.throwIfInvalid();
    }
}
