package dev.parley.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import dev.parley.core.error.ParleyException;
import io.javalin.http.Context;
import java.util.stream.Collectors;

/**
 * The one JSON configuration of the server: unknown fields are rejected, scalars are never
 * coerced (a number is no string, a string no number), times are ISO-8601 strings, nulls are written, emoji are written as UTF-8 rather than escaped surrogate pairs. {@link #body} turns every malformed body into a 400 with the
 * offending field.
 */
public final class Json {
    public static final ObjectMapper MAPPER = strictScalars(JsonMapper.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build())
            .registerModule(new JavaTimeModule())
            .registerModule(new BlackbirdModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private Json() {
    }

    /** A number or boolean where a string belongs is a wrong type, not a text ({@code "text": 42} is refused). */
    private static ObjectMapper strictScalars(ObjectMapper mapper) {
        for (CoercionInputShape shape : new CoercionInputShape[] {
                CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }

    /** Reads the request body as {@code type}; 400 for an empty, malformed or mistyped body. */
    public static <T> T body(Context ctx, Class<T> type) {
        String body = ctx.body();
        if (body.isBlank()) throw ParleyException.invalid("body", "a JSON object is required");
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) throw ParleyException.invalid("body", "a JSON object is required");
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ParleyException.invalid(path(e), "is not a known field");
        } catch (JsonMappingException e) {
            throw ParleyException.invalid(path(e).isEmpty() ? "body" : path(e), "has the wrong type or format");
        } catch (JsonProcessingException e) {
            throw ParleyException.invalid("body", "is not valid JSON");
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
}
