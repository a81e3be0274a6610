package dev.parley.core.typing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypingRulesTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void theProtocolValuesAreFiveSecondsAndThreeSeconds() {
        assertThat(TypingRules.DEFAULTS.ttl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(TypingRules.DEFAULTS.minInterval()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aRefreshCountsOnlyAfterTheMinimumInterval() {
        Typer typer = new Typer("u_a", T0, T0, T0.plusSeconds(5));

        assertThat(TypingRules.DEFAULTS.tooSoon(typer, T0.plusMillis(2999))).isTrue();
        assertThat(TypingRules.DEFAULTS.tooSoon(typer, T0.plusSeconds(3))).isFalse();
    }

    @Test
    void aMarkLivesUntilItsExpiry() {
        Typer typer = new Typer("u_a", T0, T0, T0.plusSeconds(5));

        assertThat(typer.isLiveAt(T0.plusMillis(4999))).isTrue();
        assertThat(typer.isLiveAt(T0.plusSeconds(5))).isFalse();
    }

    @Test
    void rulesRejectAnIntervalNotShorterThanTheLifetime() {
        assertThatThrownBy(() -> new TypingRules(Duration.ofSeconds(3), Duration.ofSeconds(3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TypingRules(Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChangeKeepsItsOwnCopyOfTheTypers() {
        List<String> ids = new ArrayList<>(List.of("u_a"));
        TypingChange change = new TypingChange("c_1", ids);
        ids.add("u_b");

        assertThat(change.userIds()).containsExactly("u_a");
    }
}
