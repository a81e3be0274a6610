package dev.parley.core.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PresenceRulesTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private final PresenceRules rules = new PresenceRules(Duration.ofMinutes(5), Duration.ofSeconds(10));

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static PresenceState connected() {
        return PresenceState.fresh("u_a", T0).withConnectionOpened(T0);
    }

    @Test
    void aConnectedUserIsOnlineUntilIdleThenAway() {
        PresenceState s = connected();

        assertThat(rules.visible(s, at(299)).status()).isEqualTo(PresenceStatus.ONLINE);
        assertThat(rules.visible(s, at(300)).status()).isEqualTo(PresenceStatus.AWAY);
        assertThat(rules.visible(s.withActivity(at(300)), at(300)).status()).isEqualTo(PresenceStatus.ONLINE);
        assertThat(rules.visible(s, at(299)).lastSeenAt()).isEqualTo(T0);
    }

    @Test
    void aChosenStatusWinsOverActivity() {
        PresenceState away = connected().withChoice(PresenceStatus.AWAY, null, null);
        PresenceState dnd = connected().withChoice(PresenceStatus.DND, null, null);

        assertThat(rules.visible(away, at(1)).status()).isEqualTo(PresenceStatus.AWAY);
        assertThat(rules.visible(dnd, at(1)).status()).isEqualTo(PresenceStatus.DND);
        assertThat(rules.visible(dnd, at(3600)).status()).as("idle does not override dnd").isEqualTo(PresenceStatus.DND);
    }

    @Test
    void theLastConnectionClosingKeepsTheStatusForTheGracePeriodThenOffline() {
        PresenceState closed = connected().withConnectionClosed(at(20));

        assertThat(rules.isConnected(closed, at(29))).isTrue();
        assertThat(rules.visible(closed, at(29)).status()).isEqualTo(PresenceStatus.ONLINE);
        assertThat(rules.isConnected(closed, at(30))).isFalse();
        assertThat(rules.visible(closed, at(30))).isEqualTo(Presence.offline("u_a", at(20)));
    }

    @Test
    void anotherConnectionKeepsTheUserConnected() {
        PresenceState two = connected().withConnectionOpened(at(1)).withConnectionClosed(at(2));

        assertThat(two.connections()).isEqualTo(1);
        assertThat(two.disconnectedAt()).isNull();
        assertThat(rules.isConnected(two, at(1000))).isTrue();
    }

    @Test
    void aStatusTextShowsUntilItExpiresAndNeverWhenOffline() {
        PresenceState s = connected().withChoice(PresenceStatus.ONLINE, "In a meeting", at(60));

        assertThat(rules.visible(s, at(59)).statusText()).isEqualTo("In a meeting");
        assertThat(rules.visible(s, at(60)).statusText()).isNull();
        PresenceState forever = connected().withChoice(PresenceStatus.DND, "Focus", null);
        assertThat(rules.visible(forever, at(100_000)).statusText()).isEqualTo("Focus");
        assertThat(rules.visible(forever.withConnectionClosed(at(1)), at(11)).statusText()).isNull();
    }

    @Test
    void onlyStatusAndTextMakeAPresenceLookDifferent() {
        Presence a = new Presence("u_a", PresenceStatus.ONLINE, at(1), "x");

        assertThat(a.looksLike(new Presence("u_a", PresenceStatus.ONLINE, at(2), "x"))).isTrue();
        assertThat(a.looksLike(new Presence("u_a", PresenceStatus.AWAY, at(1), "x"))).isFalse();
        assertThat(a.looksLike(new Presence("u_a", PresenceStatus.ONLINE, at(1), null))).isFalse();
        assertThat(a.looksLike(null)).isFalse();
    }

    @Test
    void statusesHaveLowerCaseWireNames() {
        assertThat(PresenceStatus.fromWire("dnd")).isEqualTo(PresenceStatus.DND);
        assertThat(PresenceStatus.fromWire("DND")).isNull();
        assertThat(PresenceStatus.OFFLINE.wireName()).isEqualTo("offline");
    }

    @Test
    void rulesRejectNonsenseDurations() {
        assertThatThrownBy(() -> new PresenceRules(Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PresenceRules(Duration.ofMinutes(1), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
