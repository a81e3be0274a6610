package dev.parley.server.http.dto;

/** Bodies of the /users and /platform/users routes; unknown fields are refused by the JSON mapper. */
public final class UserRequests {
    private UserRequests() {
    }

    public record UpdateProfile(String displayName, String avatarUrl, String statusText, String email) {
    }

    public record ProvisionUser(String sub, String name, String email, String avatarUrl) {
    }
}
