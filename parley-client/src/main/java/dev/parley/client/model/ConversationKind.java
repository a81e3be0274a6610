package dev.parley.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What a conversation is for. {@link #UNKNOWN} stands for a kind this client does not know. */
public enum ConversationKind {
    @JsonProperty("direct") DIRECT,
    @JsonProperty("group") GROUP,
    @JsonProperty("course") COURSE,
    @JsonProperty("announcement") ANNOUNCEMENT,
    @JsonEnumDefaultValue UNKNOWN;

    /** The wire form, e.g. {@code group}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
