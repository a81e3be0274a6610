package dev.parley.client.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloseActionTest {
    @ParameterizedTest
    @CsvSource({
            "1000, STOP", "4400, STOP", "4401, STOP", "4403, STOP", "4499, STOP",
            "4100, REAUTHENTICATE", "4101, REAUTHENTICATE", "4199, REAUTHENTICATE",
            "4000, RECONNECT_NOW",
            "1001, RECONNECT_WITH_BACKOFF", "1006, RECONNECT_WITH_BACKOFF", "1009, RECONNECT_WITH_BACKOFF",
            "1011, RECONNECT_WITH_BACKOFF", "4001, RECONNECT_WITH_BACKOFF", "4099, RECONNECT_WITH_BACKOFF",
            "4500, RECONNECT_WITH_BACKOFF"})
    void theCloseCodeRangeDecides(int code, CloseAction expected) {
        assertThat(CloseAction.of(code)).isEqualTo(expected);
    }
}
