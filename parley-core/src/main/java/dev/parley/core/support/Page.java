package dev.parley.core.support;

import java.util.List;

/** A page of items and the opaque cursor of the next page (null on the last page). */
public record Page<T>(List<T> items, String nextCursor) {
}
