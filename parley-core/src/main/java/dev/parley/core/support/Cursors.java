package dev.parley.core.support;

import dev.parley.core.conversation.ConversationCursor;
import dev.parley.core.error.ParleyException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Encodes page positions as opaque URL-safe strings and decodes them, rejecting tampered ones with 400. */
public final class Cursors {
    private Cursors() {
    }

    public static String conversation(ConversationCursor cursor) {
        return encode((cursor.pinned() ? "1" : "0") + "|" + cursor.lastActivityAt().toEpochMilli() + "|"
                + cursor.conversationId());
    }

    public static ConversationCursor conversation(String cursor) {
        if (cursor == null) return null;
        String[] parts = decode(cursor).split("\\|", 3);
        try {
            if (parts.length != 3 || parts[2].isEmpty() || !(parts[0].equals("0") || parts[0].equals("1"))) throw new IllegalArgumentException();
            return new ConversationCursor(parts[0].equals("1"), Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    public static String offset(int offset) {
        return encode("o|" + offset);
    }

    public static int offset(String cursor) {
        if (cursor == null) return 0;
        String text = decode(cursor);
        try {
            if (!text.startsWith("o|")) throw new IllegalArgumentException();
            int offset = Integer.parseInt(text.substring(2));
            if (offset < 0 || offset > 10_000) throw new IllegalArgumentException();
            return offset;
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    private static ParleyException malformed() {
        return ParleyException.invalid("cursor", "is not a cursor this server issued");
    }
}
