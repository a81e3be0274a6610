package dev.parley.server.api.dto;

import dev.parley.core.conversation.Role;
import dev.parley.core.error.Validation;

/** {@code PATCH /conversations/{id}/members/{userId}}: the member's new role. */
public record ChangeRoleRequest(String role) {

    /** The role; 400 when missing or unknown. */
    public Role parsedRole() {
        Validation v = new Validation();
        v.require(role != null, "role", "is required");
        Role parsed = Wire.role(role, "role", v);
        v.throwIfInvalid();
        return parsed;
    }
}
