package dev.parley.e2e;

import dev.parley.client.ParleyClient;
import dev.parley.client.model.User;

/** A signed-in user of the test: the client holding the user's tokens, the profile and the password. */
record Person(ParleyClient client, User user, String password) {
    String id() {
        return user.id();
    }

    String username() {
        return user.username();
    }
}
