package dev.parley.core.message;

/**
 * Metadata of an attached file: either a {@code fileId} of an upload or an external {@code url}.
 * {@code durationMs} is set for voice notes, {@code width}/{@code height} for images (may be null).
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
}
