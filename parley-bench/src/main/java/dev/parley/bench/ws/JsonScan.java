package dev.parley.bench.ws;

/**
 * Reads single fields out of a JSON text without building a tree: it walks the objects named by a
 * path of keys, skipping every other value, and decodes only the value asked for. This keeps the
 * load generator's per-frame cost to a scan of the frame. Expects well-formed JSON (frames of the
 * server); answers null / the fallback when a key is missing or the value has another type.
 */
public final class JsonScan {
    private JsonScan() {
    }

    /** The string at {@code path} (e.g. {@code "data", "message", "clientMessageId"}), or null. */
    public static String string(String json, String... path) {
        int at = find(json, path);
        if (at < 0 || json.charAt(at) != '"') return null;
        return readString(json, at);
    }

    /** The integer at {@code path}, or {@code fallback}. */
    public static long number(String json, long fallback, String... path) {
        int at = find(json, path);
        if (at < 0) return fallback;
        char c = json.charAt(at);
        if (c != '-' && (c < '0' || c > '9')) return fallback;
        int end = at + 1;
        while (end < json.length() && Character.isDigit(json.charAt(end))) end++;
        return Long.parseLong(json, at, end, 10);
    }

    /** True if {@code path} names a value that is not null. */
    public static boolean present(String json, String... path) {
        int at = find(json, path);
        return at >= 0 && !json.startsWith("null", at);
    }

    /** The raw JSON text of the value at {@code path} (an object, array, string with quotes…), or null. */
    public static String raw(String json, String... path) {
        int at = find(json, path);
        if (at < 0) return null;
        return json.substring(at, skipValue(json, at));
    }

    /** Index of the first character of the value at {@code path}, or -1. */
    static int find(String json, String... path) {
        int pos = skipWhitespace(json, 0);
        for (String key : path) {
            if (pos >= json.length() || json.charAt(pos) != '{') return -1;
            pos = skipWhitespace(json, pos + 1);
            boolean found = false;
            while (pos < json.length() && json.charAt(pos) != '}') {
                if (json.charAt(pos) != '"') return -1;
                int keyEnd = skipString(json, pos);
                boolean matches = keyEnd - pos - 2 == key.length() && json.startsWith(key, pos + 1);
                pos = skipWhitespace(json, keyEnd);
                if (pos >= json.length() || json.charAt(pos) != ':') return -1;
                pos = skipWhitespace(json, pos + 1);
                if (matches) {
                    found = true;
                    break;
                }
                pos = skipWhitespace(json, skipValue(json, pos));
                if (pos < json.length() && json.charAt(pos) == ',') pos = skipWhitespace(json, pos + 1);
            }
            if (!found) return -1;
        }
        return pos < json.length() ? pos : -1;
    }

    private static int skipWhitespace(String json, int pos) {
        while (pos < json.length()) {
            char c = json.charAt(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
            pos++;
        }
        return pos;
    }

    /** Index just after the string starting at {@code pos} (its opening quote). */
    private static int skipString(String json, int pos) {
        int i = pos + 1;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c == '\\') i += 2;
            else if (c == '"') return i + 1;
            else i++;
        }
        return json.length();
    }

    /** Index just after the value starting at {@code pos}. */
    static int skipValue(String json, int pos) {
        char c = json.charAt(pos);
        if (c == '"') return skipString(json, pos);
        if (c == '{' || c == '[') {
            int depth = 0;
            int i = pos;
            while (i < json.length()) {
                char d = json.charAt(i);
                if (d == '"') {
                    i = skipString(json, i);
                    continue;
                }
                if (d == '{' || d == '[') depth++;
                else if (d == '}' || d == ']') {
                    depth--;
                    if (depth == 0) return i + 1;
                }
                i++;
            }
            return json.length();
        }
        int i = pos;
        while (i < json.length()) {
            char d = json.charAt(i);
            if (d == ',' || d == '}' || d == ']' || d == ' ' || d == '\n' || d == '\r' || d == '\t') break;
            i++;
        }
        return i;
    }

    private static String readString(String json, int pos) {
        int end = skipString(json, pos);
        String body = json.substring(pos + 1, end - 1);
        if (body.indexOf('\\') < 0) return body;
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                out.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(body, i + 1, i + 5, 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    /** {@code value} as a JSON string literal, quotes included. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }
}
