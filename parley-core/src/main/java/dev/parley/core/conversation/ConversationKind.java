package dev.parley.core.conversation;

/** What a conversation is for; decides who may join and who may post. */
public enum ConversationKind {
    /** Exactly two people; opening it again returns the existing one. */
    DIRECT,
    /** A titled group of people. */
    GROUP,
    /** Linked to one course or context id of the host application. */
    COURSE,
    /** Only owners and admins post; members read and react. */
    ANNOUNCEMENT;

    private static final ConversationKind[] ALL = values();
    private final String wireName = name().toLowerCase(java.util.Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public static ConversationKind fromWire(String value) {
        for (ConversationKind kind : ALL) {
            if (kind.wireName().equals(value)) return kind;
        }
        return null;
    }
}
