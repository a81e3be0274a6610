package dev.parley.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A partial profile change: null fields stay as they are, an empty string clears a field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProfileUpdate(String displayName, String avatarUrl, String statusText, String email) {
    public static ProfileUpdate displayName(String displayName) {
        return new ProfileUpdate(displayName, null, null, null);
    }
}
