package dev.parley.server.api.dto;

import dev.parley.core.conversation.ConversationKind;
import dev.parley.core.conversation.Role;
import dev.parley.core.error.Validation;
import dev.parley.core.message.MessageType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Parses the wire forms of requests (lower-case enum names, ISO-8601 times) into core values.
 * A value that does not parse adds a field error to the given {@link Validation} and yields null;
 * an absent (null) value yields null without an error.
 */
public final class Wire {
    public static final String TIME_FORMAT = "must be an ISO-8601 time such as 2026-01-05T09:00:00Z";

    private Wire() {
    }

    public static ConversationKind kind(String value, String field, Validation v) {
        return choice(value, field, v, ConversationKind::fromWire, names(ConversationKind.values(), ConversationKind::wireName));
    }

    public static Role role(String value, String field, Validation v) {
        return choice(value, field, v, Role::fromWire, names(Role.values(), Role::wireName));
    }

    public static MessageType messageType(String value, String field, Validation v) {
        return choice(value, field, v, MessageType::fromWire, names(MessageType.values(), MessageType::wireName));
    }

    /** An ISO-8601 instant: {@code 2026-01-05T09:00:00Z} or with an offset such as {@code +02:00}. */
    public static Instant time(String value, String field, Validation v) {
        if (value == null) return null;
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            v.add(field, TIME_FORMAT);
            return null;
        }
    }

    private static <E> E choice(String value, String field, Validation v, Function<String, E> parse, String allowed) {
        if (value == null) return null;
        E parsed = parse.apply(value);
        if (parsed == null) v.add(field, "must be one of " + allowed);
        return parsed;
    }

    private static <E> String names(E[] values, Function<E, String> name) {
        return Arrays.stream(values).map(name).collect(Collectors.joining(", "));
    }
}
