package dev.parley.server.api.dto;

import dev.parley.core.message.MessageEdit;
import java.time.Instant;

/** One earlier version of an edited message. */
public record EditJson(String previousText, Instant replacedAt) {

    public static EditJson of(MessageEdit edit) {
        return new EditJson(edit.previousText(), edit.replacedAt());
    }
}
