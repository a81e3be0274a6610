package dev.parley.server.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.parley.core.error.ErrorCode;
import dev.parley.core.error.FieldError;
import dev.parley.core.error.ParleyException;
import dev.parley.server.http.Json;
import dev.parley.server.http.dto.ErrorJson;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads request frames ({@code {"id","op","data"}}) and writes reply frames ({@code ok} with a
 * result, {@code error} with the REST error shape). A frame that cannot be read becomes a
 * {@link BadFrame} carrying the request id when one was usable, so the caller can answer it.
 */
final class FrameCodec {
    /** A request: its id, operation and parameters (an empty object when absent). */
    record Request(String id, String op, ObjectNode data) {
    }

    /** A frame that is not a usable request; {@code id} is null when the frame had no usable id. */
    static final class BadFrame extends RuntimeException {
        final String id;
        final ParleyException error;

        BadFrame(String id, ParleyException error) {
            super(error.getMessage(), null, false, false);
            this.id = id;
            this.error = error;
        }
    }

    private record Ok(String type, String id, Object result) {
    }

    private record Error(String type, String id, ErrorJson.Body error) {
    }

    private FrameCodec() {
    }

    /** True if the text is larger than {@code limit} bytes in UTF-8, without encoding short texts. */
    static boolean exceeds(String text, int limit) {
        if (text.length() > limit) return true;
        if ((long) text.length() * 3 <= limit) return false;
        return text.getBytes(StandardCharsets.UTF_8).length > limit;
    }

    static Request parse(String text) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadFrame(null, ParleyException.invalid("frame", "is not valid JSON"));
        }
        if (root == null || !root.isObject()) {
            throw new BadFrame(null, ParleyException.invalid("frame", "must be a JSON object"));
        }
        JsonNode idNode = root.get("id");
        if (idNode == null || !idNode.isTextual() || idNode.asText().isEmpty() || idNode.asText().length() > 64) {
            throw new BadFrame(null, ParleyException.invalid("id", "must be a string of 1-64 characters"));
        }
        String id = idNode.asText();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("id") && !name.equals("op") && !name.equals("data")) {
                throw new BadFrame(id, ParleyException.invalid(name, "is not a known field"));
            }
        }
        JsonNode op = root.get("op");
        if (op == null || op.isNull()) throw new BadFrame(id, ParleyException.invalid("op", "is required"));
        if (!op.isTextual()) throw new BadFrame(id, ParleyException.invalid("op", "must be a string"));
        JsonNode data = root.get("data");
        if (data != null && !data.isNull() && !data.isObject()) {
            throw new BadFrame(id, ParleyException.invalid("data", "must be an object"));
        }
        ObjectNode params = data == null || data.isNull() ? Json.MAPPER.createObjectNode() : (ObjectNode) data;
        return new Request(id, op.asText(), params);
    }

    /** The request's data as {@code type}; 400 naming the field for unknown fields and wrong types. */
    static <T> T data(JsonNode data, Class<T> type) {
        try {
            return Json.MAPPER.treeToValue(data, type);
        } catch (UnrecognizedPropertyException e) {
            throw ParleyException.invalid(path(e), "is not a known field");
        } catch (JsonMappingException e) {
            String path = path(e);
            throw ParleyException.invalid(path.isEmpty() ? "data" : path, "has the wrong type or format");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ParleyException.invalid("data", "has the wrong type or format");
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    static String ok(String id, Object result) {
        return EventFrames.write(new Ok("ok", id, result));
    }

    static String error(String id, ParleyException e) {
        return error(id, e.code().wireName(), e.getMessage(), e.details());
    }

    static String error(String id, String code, String message, List<FieldError> details) {
        return EventFrames.write(new Error("error", id, ErrorJson.of(code, message, details).error()));
    }

    /** The answer to a request that failed on our side: logged by the caller, shown without details. */
    static String internalError(String id, long connectionId) {
        return error(id, ErrorCode.INTERNAL.wireName(),
                "Something went wrong on our side; quote connection id " + connectionId, List.of());
    }
}
