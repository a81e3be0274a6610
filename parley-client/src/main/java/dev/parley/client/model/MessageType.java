package dev.parley.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What a message carries. {@link #UNKNOWN} stands for a type this client does not know. */
public enum MessageType {
    @JsonProperty("text") TEXT,
    @JsonProperty("code") CODE,
    @JsonProperty("image") IMAGE,
    @JsonProperty("file") FILE,
    @JsonProperty("voice") VOICE,
    @JsonProperty("system") SYSTEM,
    @JsonEnumDefaultValue UNKNOWN;

    /** The wire form, e.g. {@code image}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
