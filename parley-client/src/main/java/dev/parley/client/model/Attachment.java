package dev.parley.client.model;

/**
 * A file attached to a message: an uploaded {@code fileId} or an external {@code url} (exactly
 * one), with its name, size in bytes and MIME type; image size and voice duration when known.
 */
public record Attachment(
        String fileId,
        String url,
        String name,
        long size,
        String mimeType,
        Integer width,
        Integer height,
        Long durationMs) {

    /** An attachment that links to {@code url}. */
    public static Attachment link(String url, String name, long size, String mimeType) {
        return new Attachment(null, url, name, size, mimeType, null, null, null);
    }
}
