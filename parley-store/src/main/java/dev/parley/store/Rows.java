package dev.parley.store;

import dev.parley.core.conversation.Conversation;
import dev.parley.core.conversation.ConversationKind;
import dev.parley.core.conversation.Member;
import dev.parley.core.conversation.MemberSettings;
import dev.parley.core.conversation.Role;
import dev.parley.core.user.Session;
import dev.parley.core.user.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;

/** Column lists and row mappers of the tables whose rows are domain records (messages: {@link MessageRows}). */
final class Rows {
    static final String USER_COLUMNS =
            "u.id, u.username, u.display_name, u.email, u.avatar_url, u.status_text, u.external_id, u.created_at";
    static final String SESSION_COLUMNS =
            "id, user_id, refresh_token_hash, user_agent, created_at, last_used_at, expires_at, revoked_at";
    static final String CONVERSATION_COLUMNS = "c.id, c.kind, c.title, c.description, c.avatar_url, c.course_id, "
            + "c.direct_key, c.archived, c.created_by, c.created_at, c.last_activity_at, c.last_seq";
    static final String MEMBER_COLUMNS = "m.conversation_id, m.user_id, m.role, m.joined_at, m.read_seq, "
            + "m.delivered_seq, m.muted, m.muted_until, m.pinned, m.hidden";

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

    static Conversation conversation(ResultSet rs) throws SQLException {
        return new Conversation(rs.getString("id"), ConversationKind.fromWire(rs.getString("kind")),
                rs.getString("title"), rs.getString("description"), rs.getString("avatar_url"),
                rs.getString("course_id"), rs.getString("direct_key"), rs.getBoolean("archived"),
                rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "last_activity_at"),
                rs.getLong("last_seq"));
    }

    static Member member(ResultSet rs) throws SQLException {
        MemberSettings settings = new MemberSettings(rs.getBoolean("muted"), instant(rs, "muted_until"),
                rs.getBoolean("pinned"), rs.getBoolean("hidden"));
        return new Member(rs.getString("conversation_id"), rs.getString("user_id"), Role.fromWire(rs.getString("role")),
                instant(rs, "joined_at"), rs.getLong("read_seq"), rs.getLong("delivered_seq"), settings);
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
