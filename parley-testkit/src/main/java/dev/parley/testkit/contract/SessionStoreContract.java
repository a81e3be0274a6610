package dev.parley.testkit.contract;

import static dev.parley.testkit.contract.ContractData.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.core.error.ErrorCode;
import dev.parley.core.error.ParleyException;
import dev.parley.core.port.SessionStore;
import dev.parley.core.user.Session;
import dev.parley.testkit.StoreFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link SessionStore}; extend it with a fixture of the adapter under test. */
public abstract class SessionStoreContract {
    protected abstract StoreFixture fixture();

    private SessionStore sessions;

    @BeforeEach
    void resetStore() {
        fixture().reset();
        ContractData data = new ContractData(fixture());
        data.user("alice");
        data.user("bob");
        sessions = fixture().sessions();
    }

    /** A session of alice created at second {@code created}, valid for an hour. */
    private static Session session(String id, String hash, long created) {
        return new Session(id, "u_alice", hash, "Firefox", at(created), at(created), at(created + 3600), null);
    }

    @Test
    void insertedSessionsAreFoundByIdAndTokenHash() {
        Session s = session("s_1", "h1", 0);
        sessions.insert(s);

        assertThat(sessions.findById("s_1")).contains(s);
        assertThat(sessions.findByRefreshTokenHash("h1")).contains(s);
        assertThat(sessions.findById("s_2")).isEmpty();
        assertThat(sessions.findByRefreshTokenHash("h2")).isEmpty();
    }

    @Test
    void aRefreshTokenHashBelongsToOneSession() {
        sessions.insert(session("s_1", "h1", 0));

        assertThatThrownBy(() -> sessions.insert(session("s_2", "h1", 0)))
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(sessions.findById("s_2")).isEmpty();
    }

    @Test
    void rotateIsCompareAndSet() {
        sessions.insert(session("s_1", "h1", 0));

        assertThat(sessions.rotate("s_1", "h1", "h2", at(60), at(7200))).isTrue();
        assertThat(sessions.rotate("s_1", "h1", "h3", at(61), at(7200))).as("an old token works once").isFalse();
        assertThat(sessions.rotate("s_404", "h2", "h3", at(61), at(7200))).isFalse();

        assertThat(sessions.findByRefreshTokenHash("h1")).isEmpty();
        assertThat(sessions.findByRefreshTokenHash("h3")).isEmpty();
        assertThat(sessions.findById("s_1")).contains(
                new Session("s_1", "u_alice", "h2", "Firefox", at(0), at(60), at(7200), null));
    }

    @Test
    void rotateRefusesRevokedAndExpiredSessions() {
        sessions.insert(session("s_1", "h1", 0));
        sessions.insert(session("s_2", "h2", 0));
        sessions.revoke("s_1", at(10));

        assertThat(sessions.rotate("s_1", "h1", "h1b", at(20), at(9000))).isFalse();
        assertThat(sessions.rotate("s_2", "h2", "h2b", at(3600), at(9000))).as("expired at its expiry").isFalse();
        assertThat(sessions.findById("s_2")).get().extracting(Session::refreshTokenHash).isEqualTo("h2");
    }

    @Test
    void revokeKeepsTheFirstRevocationTime() {
        sessions.insert(session("s_1", "h1", 0));

        sessions.revoke("s_1", at(10));
        sessions.revoke("s_1", at(20));

        assertThat(sessions.findById("s_1")).get().extracting(Session::revokedAt).isEqualTo(at(10));
    }

    @Test
    void revokeAllOfUserLeavesOtherUsersAlone() {
        sessions.insert(session("s_1", "h1", 0));
        sessions.insert(session("s_2", "h2", 0));
        sessions.insert(new Session("s_3", "u_bob", "h3", null, at(0), at(0), at(3600), null));

        sessions.revokeAllOfUser("u_alice", at(5));

        assertThat(sessions.listActive("u_alice", at(6))).isEmpty();
        assertThat(sessions.listActive("u_bob", at(6))).extracting(Session::id).containsExactly("s_3");
    }

    @Test
    void listActiveSkipsRevokedAndExpiredAndPutsRecentlyUsedFirst() {
        sessions.insert(session("s_old", "h1", 0));
        sessions.insert(session("s_new", "h2", 100));
        sessions.insert(session("s_revoked", "h3", 200));
        sessions.insert(session("s_expired", "h4", -4000));
        sessions.revoke("s_revoked", at(201));
        sessions.rotate("s_old", "h1", "h1b", at(300), at(4000));

        assertThat(sessions.listActive("u_alice", at(301))).extracting(Session::id).containsExactly("s_old", "s_new");
        assertThat(sessions.listActive("u_alice", at(3700))).extracting(Session::id).containsExactly("s_old");
        assertThat(sessions.listActive("u_bob", at(301))).isEmpty();
    }
}
