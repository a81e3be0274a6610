package dev.parley.client;

import static dev.parley.client.Transport.fields;

import dev.parley.client.Transport.Call;
import dev.parley.client.model.User;

/** Calls of the host application's back end, made with the server API key. */
public final class PlatformApi {
    private final Transport transport;

    PlatformApi(Transport transport) {
        this.transport = transport;
    }

    /**
     * Creates the user of the host application identified by {@code sub}, or refreshes its
     * profile; idempotent. Null fields are left out.
     */
    public User provisionUser(String sub, String name, String email, String avatarUrl) {
        return transport.body(Call.of("POST", Transport.API + "/platform/users",
                fields("sub", sub, "name", name, "email", email, "avatarUrl", avatarUrl)), User.class);
    }
}
