package dev.parley.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import dev.parley.core.message.Attachment;
import dev.parley.core.message.Message;
import java.util.List;

/**
 * The JSON columns: attachments, forwarded-from, thread participants, mention lists and event
 * payloads. Records are written by their components (helper methods such as
 * {@code Message.isDeleted()} are not properties); times as ISO-8601 text. Thread-safe.
 */
final class JsonCodec {
    private static final TypeReference<List<Attachment>> ATTACHMENTS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new BlackbirdModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .build();

    private static final String EMPTY_ARRAY = "[]";

    private JsonCodec() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON of " + value.getClass().getSimpleName(), e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is not a " + type.getSimpleName(), e);
        }
    }

    static String attachments(List<Attachment> attachments) {
        return attachments == null || attachments.isEmpty() ? EMPTY_ARRAY : write(attachments);
    }

    static List<Attachment> attachments(String json) {
        return isEmptyArray(json) ? List.of() : List.copyOf(readList(json, ATTACHMENTS));
    }

    static String strings(List<String> values) {
        return values == null || values.isEmpty() ? EMPTY_ARRAY : write(values);
    }

    /** A JSON array of strings; null (PostgreSQL's aggregate over no rows) is empty. */
    static List<String> strings(String json) {
        return isEmptyArray(json) ? List.of() : List.copyOf(readList(json, STRINGS));
    }

    /** Most messages have no attachments, mentions or thread: their columns are not parsed or written by Jackson. */
    static boolean isEmptyArray(String json) {
        return json == null || json.isEmpty() || json.equals(EMPTY_ARRAY);
    }

    static String forwarded(Message.Forwarded forwarded) {
        return forwarded == null ? null : write(forwarded);
    }

    static Message.Forwarded forwarded(String json) {
        return json == null ? null : read(json, Message.Forwarded.class);
    }

    private static <T> List<T> readList(String json, TypeReference<List<T>> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is not a list", e);
        }
    }
}
