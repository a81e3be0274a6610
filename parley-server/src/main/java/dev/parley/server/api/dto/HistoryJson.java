package dev.parley.server.api.dto;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.parley.core.message.HistoryPage;
import dev.parley.server.http.Json;
import java.io.UncheckedIOException;
import java.util.List;

/** A page of history in ascending seq, with whether older and newer messages exist. */
public record HistoryJson(List<MessageJson> items, boolean hasOlder, boolean hasNewer) {

    public static HistoryJson of(HistoryPage page) {
        return new HistoryJson(page.messages().stream().map(MessageJson::of).toList(), page.hasOlder(), page.hasNewer());
    }

    /** The page as the JSON text of a REST answer, in UTF-8. */
    public static byte[] bytes(HistoryPage page) {
        try {
            return Json.MAPPER.writeValueAsBytes(of(page));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not write a history page as JSON", e);
        }
    }
}
