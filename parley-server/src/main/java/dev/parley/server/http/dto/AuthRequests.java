package dev.parley.server.http.dto;

/** Bodies of the /auth routes; unknown fields are refused by the JSON mapper. */
public final class AuthRequests {
    private AuthRequests() {
    }

    public record Register(String username, String password, String displayName, String email) {
    }

    public record Login(String username, String password) {
    }

    public record Refresh(String refreshToken) {
    }

    public record ChangePassword(String currentPassword, String newPassword) {
    }
}
