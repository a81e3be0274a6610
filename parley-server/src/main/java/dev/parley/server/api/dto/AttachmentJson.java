package dev.parley.server.api.dto;

import dev.parley.core.error.Validation;
import dev.parley.core.message.Attachment;

/**
 * An attachment's metadata, in requests and responses. {@code size} is boxed so that a request
 * without it is refused rather than read as zero.
 */
public record AttachmentJson(
        String fileId,
        String url,
        String name,
        Long size,
        String mimeType,
        Integer width,
        Integer height,
        Long durationMs) {

    public static AttachmentJson of(Attachment a) {
        return new AttachmentJson(a.fileId(), a.url(), a.name(), a.size(), a.mimeType(), a.width(), a.height(),
                a.durationMs());
    }

    /** The core attachment; null entries and a missing size add field errors under {@code field}. */
    public static Attachment toCore(AttachmentJson a, String field, Validation v) {
        if (a == null) {
            v.add(field, "is required");
            return null;
        }
        if (a.size() == null) v.add(field + ".size", "is required");
        return new Attachment(a.fileId(), a.url(), a.name(), a.size() == null ? 0 : a.size(), a.mimeType(), a.width(),
                a.height(), a.durationMs());
    }
}
