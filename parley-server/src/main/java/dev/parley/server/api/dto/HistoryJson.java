package dev.parley.server.api.dto;

import dev.parley.core.message.HistoryPage;
import java.util.List;

/** A page of history in ascending seq, with whether older and newer messages exist. */
public record HistoryJson(List<MessageJson> items, boolean hasOlder, boolean hasNewer) {

    public static HistoryJson of(HistoryPage page) {
        return new HistoryJson(page.messages().stream().map(MessageJson::of).toList(), page.hasOlder(), page.hasNewer());
    }
}
