package dev.parley.server.api.dto;

import java.util.List;

/**
 * {@code PATCH /messages/{id}}: the new text; {@code mentions} and {@code mentionAll} replace the
 * earlier ones (absent: none).
 */
public record EditMessageRequest(String text, List<String> mentions, Boolean mentionAll) {

    public boolean mentionsAll() {
        return Boolean.TRUE.equals(mentionAll);
    }
}
