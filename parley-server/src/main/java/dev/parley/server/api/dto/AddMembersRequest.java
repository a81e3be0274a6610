package dev.parley.server.api.dto;

import dev.parley.core.conversation.Role;
import dev.parley.core.error.Validation;
import java.util.List;

/** {@code POST /conversations/{id}/members}: people to add, all with one role (default member). */
public record AddMembersRequest(List<String> userIds, String role) {

    /** The role asked for, null for the default; 400 for an unknown role name. */
    public Role parsedRole() {
        Validation v = new Validation();
        Role parsed = Wire.role(role, "role", v);
        v.throwIfInvalid();
        return parsed;
    }
}
