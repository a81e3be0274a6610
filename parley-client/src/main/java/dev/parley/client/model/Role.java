package dev.parley.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A member's role, strongest first. {@link #UNKNOWN} stands for a role this client does not know. */
public enum Role {
    @JsonProperty("owner") OWNER,
    @JsonProperty("admin") ADMIN,
    @JsonProperty("moderator") MODERATOR,
    @JsonProperty("member") MEMBER,
    @JsonEnumDefaultValue UNKNOWN;

    /** The wire form, e.g. {@code moderator}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
