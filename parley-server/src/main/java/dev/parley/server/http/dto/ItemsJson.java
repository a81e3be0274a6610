package dev.parley.server.http.dto;

import java.util.List;

/** An unpaged list on the wire: {@code {"items":[...]}}. */
public record ItemsJson<T>(List<T> items) {
    public static <T> ItemsJson<T> of(List<T> items) {
        return new ItemsJson<>(items);
    }
}
