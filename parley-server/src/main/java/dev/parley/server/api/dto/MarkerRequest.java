package dev.parley.server.api.dto;

/** {@code POST /conversations/{id}/read} and {@code /delivered}: up to which seq (null: everything). */
public record MarkerRequest(Long seq) {
    public static final MarkerRequest EVERYTHING = new MarkerRequest(null);
}
