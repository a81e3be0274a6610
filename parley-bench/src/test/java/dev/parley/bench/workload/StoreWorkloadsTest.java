package dev.parley.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StoreWorkloadsTest {
    @Test
    void readsTheSeqOfEveryItemAndNoNestedOne() throws IOException {
        String page = """
                {"hasOlder":true,"other":{"items":[{"seq":99}]},"items":[
                  {"id":"m_1","thread":{"seq":500,"participantIds":["a"]},"seq":7,"text":"seq \\"items\\" [{"},
                  {"seq":8,"forwardedFrom":null,"reactions":[{"seq":1}]},
                  {"text":"no seq"}
                ],"hasNewer":false}""";

        assertThat(StoreWorkloads.itemSeqs(utf8(page))).containsExactly(7L, 8L, Long.MIN_VALUE);
    }

    @Test
    void anAnswerWithoutItemsHasNoneAndMalformedJsonFails() throws IOException {
        assertThat(StoreWorkloads.itemSeqs(utf8("{\"error\":{\"code\":\"not_found\"}}"))).isNull();
        assertThat(StoreWorkloads.itemSeqs(utf8("[1,2]"))).isNull();
        assertThat(StoreWorkloads.itemSeqs(utf8("{\"items\":[]}"))).isEmpty();
        assertThatThrownBy(() -> StoreWorkloads.itemSeqs(utf8("{\"items\":[{\"seq\":1},"))).isInstanceOf(IOException.class);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
