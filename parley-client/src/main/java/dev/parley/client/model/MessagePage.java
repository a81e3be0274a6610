package dev.parley.client.model;

import java.util.List;

/** One page of history in ascending seq, and whether older and newer messages exist. */
public record MessagePage(List<Message> items, boolean hasOlder, boolean hasNewer) {
}
