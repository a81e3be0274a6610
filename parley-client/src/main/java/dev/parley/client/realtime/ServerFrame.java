package dev.parley.client.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.client.ParleyApiException.FieldError;
import java.util.ArrayList;
import java.util.List;

/** One frame from the server, decoded: a reply to a request, an event, or something unreadable. */
sealed interface ServerFrame {

    /** {@code {"type":"ok","id",…,"result":{…}}}. */
    record Ok(String id, JsonNode result) implements ServerFrame {
    }

    /** {@code {"type":"error","id":…,"error":{code,message,details}}}; {@code id} is null for a frame the server could not read. */
    record Failed(String id, String code, String message, List<FieldError> details) implements ServerFrame {
        RequestFailedException exception(String op) {
            return new RequestFailedException(op, code, message, details);
        }
    }

    /** {@code {"type":"event",…}}. */
    record Event(RealtimeEvent event) implements ServerFrame {
    }

    /** A frame this client cannot read: logged and skipped. */
    record Unreadable(String problem) implements ServerFrame {
    }

    /** Decodes one text frame; never throws. */
    static ServerFrame decode(String text) {
        JsonNode frame;
        try {
            frame = RealtimeJson.MAPPER.readTree(text);
        } catch (Exception e) {
            return new Unreadable("not JSON: " + e.getMessage());
        }
        if (frame == null || !frame.isObject()) return new Unreadable("not a JSON object");
        String type = frame.path("type").asText("");
        try {
            return switch (type) {
                case "ok" -> new Ok(RealtimeJson.text(frame, "id"), frame.path("result"));
                case "error" -> failed(frame);
                case "event" -> new Event(EventParser.parse(frame));
                default -> new Unreadable("unknown frame type '" + type + "'");
            };
        } catch (RuntimeException e) {
            return new Unreadable(type + " frame: " + e.getMessage());
        }
    }

    private static Failed failed(JsonNode frame) {
        JsonNode error = frame.path("error");
        List<FieldError> details = new ArrayList<>();
        for (JsonNode d : error.path("details")) {
            details.add(new FieldError(RealtimeJson.text(d, "field"), RealtimeJson.text(d, "message")));
        }
        return new Failed(RealtimeJson.text(frame, "id"), error.path("code").asText("internal"),
                error.path("message").asText(""), details);
    }

    /** A request frame: {@code {"id","op","data"}}. */
    static String request(String id, String op, ObjectNode data) {
        ObjectNode frame = RealtimeJson.MAPPER.createObjectNode();
        frame.put("id", id);
        frame.put("op", op);
        if (data != null) frame.set("data", data);
        return frame.toString();
    }
}
