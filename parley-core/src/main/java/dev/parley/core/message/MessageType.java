package dev.parley.core.message;

/** What a message carries. {@code SYSTEM} messages are posted by the platform, not a person. */
public enum MessageType {
    TEXT,
    CODE,
    IMAGE,
    FILE,
    VOICE,
    SYSTEM;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static MessageType fromWire(String value) {
        for (MessageType type : values()) {
            if (type.wireName().equals(value)) return type;
        }
        return null;
    }
}
