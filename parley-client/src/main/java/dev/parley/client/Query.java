package dev.parley.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** Builds a path with encoded segments and a query string that leaves out null values. */
final class Query {
    private final StringBuilder path;
    private final StringJoiner params = new StringJoiner("&", "?", "");

    private Query(String path) {
        this.path = new StringBuilder(path);
    }

    /** A path below {@code /api/v1}; {@code %s} placeholders are filled with encoded segments. */
    static Query path(String template, String... segments) {
        Object[] encoded = new Object[segments.length];
        for (int i = 0; i < segments.length; i++) {
            if (segments[i] == null) throw new IllegalArgumentException("a path id is null");
            encoded[i] = encode(segments[i]);
        }
        return new Query(Transport.API + template.formatted(encoded));
    }

    Query param(String name, Object value) {
        if (value != null) params.add(name + "=" + encode(value.toString()));
        return this;
    }

    @Override
    public String toString() {
        return params.length() > 1 ? path + params.toString() : path.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
