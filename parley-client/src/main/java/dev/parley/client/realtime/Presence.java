package dev.parley.client.realtime;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A user's presence: status, when they were last seen (set once offline) and an optional status
 * text with its expiry.
 */
public record Presence(String userId, Status status, Instant lastSeenAt, String statusText, Instant statusExpiresAt) {

    /** A presence status. {@link #UNKNOWN} stands for a status this client does not know. */
    public enum Status {
        @JsonProperty("online") ONLINE,
        @JsonProperty("away") AWAY,
        @JsonProperty("dnd") DND,
        @JsonProperty("offline") OFFLINE,
        @JsonEnumDefaultValue UNKNOWN;

        /** The wire form, e.g. {@code dnd}. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
