package dev.parley.server.api.dto;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.parley.core.message.HistoryPage;
import dev.parley.core.message.MessageView;
import dev.parley.server.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A page of history in ascending seq, with whether older and newer messages exist:
 * {@code {"items": [Message…], "hasOlder", "hasNewer"}}, each item written by {@link MessageJson#write}.
 */
@JsonSerialize(using = HistoryJson.Writer.class)
public final class HistoryJson {
    private final HistoryPage page;

    private HistoryJson(HistoryPage page) {
        this.page = page;
    }

    public static HistoryJson of(HistoryPage page) {
        return new HistoryJson(page);
    }

    /** The page as the JSON text of a REST answer, in UTF-8. */
    public static byte[] bytes(HistoryPage page) {
        try {
            return Json.MAPPER.writeValueAsBytes(of(page));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not write a history page as JSON", e);
        }
    }

    /** Jackson's serializer of a {@link HistoryJson}. */
    static final class Writer extends StdSerializer<HistoryJson> {
        Writer() {
            super(HistoryJson.class);
        }

        @Override
        public void serialize(HistoryJson value, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartObject();
            g.writeFieldName("items");
            g.writeStartArray();
            for (MessageView view : value.page.messages()) MessageJson.write(g, view);
            g.writeEndArray();
            g.writeBooleanField("hasOlder", value.page.hasOlder());
            g.writeBooleanField("hasNewer", value.page.hasNewer());
            g.writeEndObject();
        }
    }
}
