package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.event.ChatEvent;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventCodecTest {
    @Test
    void everyEventTypeOfTheCatalogueHasItsRecordClass() {
        Set<Class<?>> permitted = Set.of(ChatEvent.class.getPermittedSubclasses());

        assertThat(EventCodec.CLASSES.keySet()).containsExactlyInAnyOrderElementsOf(ChatEvent.TYPES);
        assertThat(Set.<Class<?>>copyOf(EventCodec.CLASSES.values())).isEqualTo(permitted);
    }

    @Test
    void aPayloadHasTheRecordComponentsOnly() {
        String json = EventCodec.payload(new ChatEvent.MessageDeleted("c_1", 4, Instant.parse("2026-01-05T09:00:00Z"),
                "m_1", "u_1"));

        assertThat(json).isEqualTo("{\"conversationId\":\"c_1\",\"seq\":4,\"at\":\"2026-01-05T09:00:00Z\","
                + "\"messageId\":\"m_1\",\"deletedBy\":\"u_1\"}");
    }
}
