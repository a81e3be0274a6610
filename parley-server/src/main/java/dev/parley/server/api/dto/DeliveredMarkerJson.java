package dev.parley.server.api.dto;

/** The caller's delivered marker after a mark-delivered. */
public record DeliveredMarkerJson(long deliveredSeq) {
}
