package dev.parley.core.presence;

import java.util.Locale;

/** What others see of a user: online, away (idle or chosen), do not disturb, or offline. */
public enum PresenceStatus {
    ONLINE,
    AWAY,
    DND,
    OFFLINE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PresenceStatus fromWire(String value) {
        for (PresenceStatus status : values()) {
            if (status.wireName().equals(value)) return status;
        }
        return null;
    }
}
