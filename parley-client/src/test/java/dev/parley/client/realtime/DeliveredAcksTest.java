package dev.parley.client.realtime;

import static dev.parley.client.realtime.Samples.created;
import static dev.parley.client.realtime.Samples.summary;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DeliveredAcksTest {
    private static List<String> delivered(FakeWires.Socket socket) {
        return socket.requests("delivered").stream()
                .map(r -> r.path("data").path("conversationId").asText() + "@" + r.path("data").path("seq").asLong()).toList();
    }

    @Test
    void eachBatchAcknowledgesTheHighestSeqPerConversationOnce() {
        try (Harness h = new Harness(b -> b.deliveredInterval(Duration.ofMillis(300)))) {
            h.rest.conversation(summary("c1", 5, 5, 0, 0));
            h.rest.conversation(summary("c2", 2, 2, 0, 0));
            h.client.connect();
            FakeWires.Socket socket = h.wires.latest();
            socket.authenticate();
            socket.resume("[]", "[{\"conversationId\":\"c1\",\"lastSeq\":5},{\"conversationId\":\"c2\",\"lastSeq\":2}]", "[]");
            h.awaitState(ConnectionState.LIVE);

            socket.push(created("c1", 6, "u_ann", "a"));
            socket.push(created("c1", 7, "u_ann", "b"));
            socket.push(created("c2", 3, "u_ann", "c"));
            socket.push(created("c1", 8, "u_ann", "d"));

            Harness.waiting().until(() -> delivered(socket).size() == 2);
            assertThat(delivered(socket)).containsExactlyInAnyOrder("c1@8", "c2@3");
            socket.answer("delivered", "{\"deliveredSeq\":8}");
            socket.answer("delivered", "{\"deliveredSeq\":3}");

            socket.push(created("c1", 8, "u_ann", "d"));
            socket.push(created("c1", 9, "u_ann", "e"));
            Harness.waiting().until(() -> delivered(socket).size() == 3);
            assertThat(delivered(socket).getLast()).isEqualTo("c1@9");
        }
    }

    @Test
    void whatTheServerAlreadyHoldsAsDeliveredIsNotSentAgain() {
        try (Harness h = new Harness(b -> b.deliveredInterval(Duration.ofMillis(50)))) {
            FakeWires.Socket socket = h.live();
            socket.push(created("c1", 1, "u_ann", "a"));
            Harness.waiting().until(() -> delivered(socket).size() == 1);
            JsonNode first = socket.answer("delivered", "{\"deliveredSeq\":1}");
            assertThat(first.path("data").path("seq").asLong()).isEqualTo(1);

            socket.push(Samples.live("receipt", "{\"conversationId\":\"c1\",\"userId\":\"u_me\",\"readSeq\":0,\"deliveredSeq\":3}"));
            socket.push(created("c1", 2, "u_ann", "b"));
            socket.push(created("c1", 3, "u_ann", "c"));
            socket.push(created("c1", 4, "u_ann", "d"));

            Harness.waiting().until(() -> delivered(socket).size() == 2);
            assertThat(delivered(socket)).containsExactly("c1@1", "c1@4");
        }
    }
}
