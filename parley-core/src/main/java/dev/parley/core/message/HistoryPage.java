package dev.parley.core.message;

import java.util.List;

/** A page of history in ascending seq, with whether older and newer messages exist. */
public record HistoryPage(List<MessageView> messages, boolean hasOlder, boolean hasNewer) {
}
