package dev.parley.server.api.dto;

import dev.parley.core.error.Validation;

/** {@code POST /conversations/{id}/transfer-ownership}: the member who becomes owner. */
public record TransferOwnershipRequest(String userId) {

    /** The target's id; 400 when missing or blank. */
    public String requiredUserId() {
        new Validation().requireText(userId, "userId", 1, 64).throwIfInvalid();
        return userId;
    }
}
