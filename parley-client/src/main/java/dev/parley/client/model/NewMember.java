package dev.parley.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A member named when creating a conversation; {@code role} null means member. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewMember(String userId, Role role) {
    public static NewMember of(String userId) {
        return new NewMember(userId, null);
    }

    public static NewMember of(String userId, Role role) {
        return new NewMember(userId, role);
    }
}
