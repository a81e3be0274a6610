package dev.parley.bench.ws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonScanTest {
    private static final String EVENT = """
            {"type":"event","event":"message.created","conversationId":"c_1","seq":42,
             "at":"2026-01-01T00:00:00Z","data":{"message":{"id":"m_1","seq":42,"type":"text",
             "text":"say \\"type\\":\\"ok\\" {[", "attachments":[{"seq":7}],"senderId":"u_9",
             "clientMessageId":"p0-s1-3","mentions":[]}}}""";

    @Test
    void readsTopLevelAndNestedFieldsSkippingOthers() {
        assertThat(JsonScan.string(EVENT, "type")).isEqualTo("event");
        assertThat(JsonScan.number(EVENT, -1, "seq")).isEqualTo(42);
        assertThat(JsonScan.string(EVENT, "data", "message", "senderId")).isEqualTo("u_9");
        assertThat(JsonScan.string(EVENT, "data", "message", "clientMessageId")).isEqualTo("p0-s1-3");
        assertThat(JsonScan.string(EVENT, "data", "message", "text")).isEqualTo("say \"type\":\"ok\" {[");
    }

    @Test
    void answersNullOrTheFallbackForMissingOrMistypedValues() {
        assertThat(JsonScan.string(EVENT, "id")).isNull();
        assertThat(JsonScan.string(EVENT, "seq")).isNull();
        assertThat(JsonScan.number(EVENT, -1, "data", "nothing")).isEqualTo(-1);
        assertThat(JsonScan.string("{\"id\":null}", "id")).isNull();
        assertThat(JsonScan.present("{\"id\":null}", "id")).isFalse();
        assertThat(JsonScan.string("[1,2]", "id")).isNull();
    }

    @Test
    void quotesWhatItWritesSoThatItReadsItBack() {
        String text = "line\nbreak \"quoted\" back\\slash \u0001 ünïcødé 🎉";
        assertThat(JsonScan.string("{\"t\":" + JsonScan.quote(text) + "}", "t")).isEqualTo(text);
    }
}
