package dev.parley.store;

import dev.parley.core.conversation.Conversation;
import dev.parley.core.conversation.ConversationKind;
import dev.parley.core.conversation.Member;
import dev.parley.core.conversation.MemberSettings;
import dev.parley.core.conversation.Role;
import dev.parley.core.user.Session;
import dev.parley.core.user.User;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import org.sqlite.jdbc3.JDBC3ResultSet;

/**
 * Column lists and row mappers of the tables whose rows are domain records (messages:
 * {@link MessageRows}). The conversation and member mappers read by column position, in the order
 * of the column lists, which a query's select list starts with.
 */
final class Rows {
    static final String USER_COLUMNS =
            "u.id, u.username, u.display_name, u.email, u.avatar_url, u.status_text, u.external_id, u.created_at";
    static final String SESSION_COLUMNS =
            "id, user_id, refresh_token_hash, user_agent, created_at, last_used_at, expires_at, revoked_at";
    static final String CONVERSATION_COLUMNS = "c.id, c.kind, c.title, c.description, c.avatar_url, c.course_id, "
            + "c.direct_key, c.archived, c.created_by, c.created_at, c.last_activity_at, c.last_seq";
    static final String MEMBER_COLUMNS = "m.conversation_id, m.user_id, m.role, m.joined_at, m.read_seq, "
            + "m.delivered_seq, m.muted, m.muted_until, m.pinned, m.hidden";
    /** The position of the first member column in a select list that starts with conversation and member columns. */
    static final int MEMBER_AFTER_CONVERSATION = CONVERSATION_COLUMNS.split(",").length + 1;

    private Rows() {
    }

    static User user(ResultSet rs) throws SQLException {
        return new User(rs.getString("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), rs.getString("avatar_url"), rs.getString("status_text"),
                rs.getString("external_id"), instant(rs, "created_at"));
    }

    static Session session(ResultSet rs) throws SQLException {
        return new Session(rs.getString("id"), rs.getString("user_id"), rs.getString("refresh_token_hash"),
                rs.getString("user_agent"), instant(rs, "created_at"), instant(rs, "last_used_at"),
                instant(rs, "expires_at"), instant(rs, "revoked_at"));
    }

    /** A conversation from the columns {@link #CONVERSATION_COLUMNS} at the start of the select list. */
    static Conversation conversation(ResultSet rs) throws SQLException {
        return new Conversation(text(rs, 1), ConversationKind.fromWire(text(rs, 2)),
                text(rs, 3), text(rs, 4), text(rs, 5),
                text(rs, 6), text(rs, 7), rs.getBoolean(8),
                text(rs, 9), instant(rs, 10), instant(rs, 11),
                rs.getLong(12));
    }

    /** A member from the columns {@link #MEMBER_COLUMNS} at the start of the select list. */
    static Member member(ResultSet rs) throws SQLException {
        return member(rs, 1);
    }

    /**
     * A member from the columns {@link #MEMBER_COLUMNS}, the first of them at position {@code first}
     * of the select list (after {@link #CONVERSATION_COLUMNS}: {@link #MEMBER_AFTER_CONVERSATION}).
     */
    static Member member(ResultSet rs, int first) throws SQLException {
        int i = first - 1;
        MemberSettings settings = new MemberSettings(rs.getBoolean(i + 7), instant(rs, i + 8),
                rs.getBoolean(i + 9), rs.getBoolean(i + 10));
        return new Member(text(rs, i + 1), text(rs, i + 2), Role.fromWire(text(rs, i + 3)),
                instant(rs, i + 4), rs.getLong(i + 5), rs.getLong(i + 6), settings);
    }

    /**
     * The text at a position of the select list. On SQLite it is read as the value's bytes and
     * decoded here: the driver's {@code getString} hands every value to Java as a new direct
     * buffer, which costs more than the statement's step itself on a page of messages. (Parley's
     * SQLite databases keep text in UTF-8, SQLite's default, so a text's bytes are its UTF-8.)
     */
    static String text(ResultSet rs, int column) throws SQLException {
        if (!(rs instanceof JDBC3ResultSet)) return rs.getString(column);
        byte[] utf8 = rs.getBytes(column);
        return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
    }

    /** A time in epoch milliseconds at a position of the select list; null for NULL. */
    static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return millis == 0 && rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    /** The lower-case form kept in {@code *_key} columns, so both dialects match case-insensitively beyond ASCII. */
    static String searchKey(String... parts) {
        StringBuilder key = new StringBuilder();
        for (String part : parts) {
            if (part == null) continue;
            if (!key.isEmpty()) key.append('\n');
            key.append(part.toLowerCase(Locale.ROOT));
        }
        return key.toString();
    }

    /**
     * A LIKE pattern matching lower-case values that contain {@code text} ignoring case; {@code %},
     * {@code _} and {@code !} match themselves (use it with {@code ESCAPE '!'}).
     */
    static String containsPattern(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder pattern = new StringBuilder("%");
        for (int i = 0; i < lower.length(); i++) {
            char ch = lower.charAt(i);
            if (ch == '%' || ch == '_' || ch == '!') pattern.append('!');
            pattern.append(ch);
        }
        return pattern.append('%').toString();
    }
}
