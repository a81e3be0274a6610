package dev.parley.core.conversation;

/** A member's role, strongest first. */
public enum Role {
    OWNER,
    ADMIN,
    MODERATOR,
    MEMBER;

    private static final Role[] ALL = values();
    private final String wireName = name().toLowerCase(java.util.Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public static Role fromWire(String value) {
        for (Role role : ALL) {
            if (role.wireName().equals(value)) return role;
        }
        return null;
    }

    /** True if this role ranks strictly above {@code other}. */
    public boolean outranks(Role other) {
        return ordinal() < other.ordinal();
    }
}
