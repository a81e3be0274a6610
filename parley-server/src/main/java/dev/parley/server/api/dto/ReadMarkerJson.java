package dev.parley.server.api.dto;

/** The caller's read marker after a mark-read. */
public record ReadMarkerJson(long readSeq) {
}
