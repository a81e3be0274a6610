package dev.parley.server.api.dto;

import java.util.List;

/** One page of a paged list; {@code nextCursor} is null on the last page. */
public record PageJson<T>(List<T> items, String nextCursor) {
}
