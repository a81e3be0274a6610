package dev.parley.core.message;

/** What a message carries. {@code SYSTEM} messages are posted by the platform, not a person. */
public enum MessageType {
    TEXT,
    CODE,
    IMAGE,
    FILE,
    VOICE,
    SYSTEM;

    private static final MessageType[] ALL = values();
    private final String wireName = name().toLowerCase(java.util.Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public static MessageType fromWire(String value) {
        for (MessageType type : ALL) {
            if (type.wireName().equals(value)) return type;
        }
        return null;
    }
}
