package dev.parley.client;

import dev.parley.client.Transport.Call;
import dev.parley.client.model.ProfileUpdate;
import dev.parley.client.model.User;
import java.util.List;

/** Profiles, the user directory and blocks. */
public final class UsersApi {
    private final Transport transport;

    UsersApi(Transport transport) {
        this.transport = transport;
    }

    /** My profile, with my email. */
    public User me() {
        return transport.body(Call.of("GET", Transport.API + "/users/me", null), User.class);
    }

    /** Changes my profile: null fields stay, an empty string clears a field. */
    public User updateMe(ProfileUpdate update) {
        return transport.body(Call.of("PATCH", Transport.API + "/users/me", update), User.class);
    }

    /** A user's public profile (email null unless it is me). */
    public User get(String userId) {
        return transport.body(Call.of("GET", Query.path("/users/%s", userId).toString(), null), User.class);
    }

    /** Directory search by username or display name, excluding me; {@code limit} may be null. */
    public List<User> search(String q, Integer limit) {
        return transport.items(Call.of("GET", Query.path("/users").param("q", q).param("limit", limit).toString(), null),
                User.class);
    }

    /** The users I blocked. */
    public List<User> blocks() {
        return transport.items(Call.of("GET", Transport.API + "/users/me/blocks", null), User.class);
    }

    /** Blocks a user: neither of us can open or post in our direct conversation. */
    public void block(String userId) {
        transport.body(Call.of("PUT", Query.path("/users/me/blocks/%s", userId).toString(), null), Void.class);
    }

    public void unblock(String userId) {
        transport.body(Call.of("DELETE", Query.path("/users/me/blocks/%s", userId).toString(), null), Void.class);
    }
}
