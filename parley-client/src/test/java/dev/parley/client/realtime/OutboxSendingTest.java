package dev.parley.client.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.client.model.Message;
import dev.parley.client.model.NewMessage;
import dev.parley.client.realtime.ClientEvent.MessageSent;
import dev.parley.client.realtime.ClientEvent.SendFailed;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class OutboxSendingTest {
    @TempDir
    Path dir;

    private static String acknowledged(JsonNode send, long seq, boolean created) {
        JsonNode d = send.path("data");
        Message m = Samples.message("m" + seq, d.path("conversationId").asText(), seq, Samples.ME, d.path("text").asText());
        Message withId = new Message(m.id(), m.conversationId(), m.seq(), m.senderId(), d.path("clientMessageId").asText(),
                m.type(), m.text(), null, java.util.List.of(), null, null, java.util.List.of(), false, null, m.createdAt(),
                null, null, null, null, java.util.List.of(), false, null);
        return "{\"message\":" + Samples.json(withId) + ",\"created\":" + created + "}";
    }

    @Test
    void aMessageSentBeforeConnectingGoesOutOnceLiveAndCompletesWhenAcknowledged() throws Exception {
        AtomicInteger ids = new AtomicInteger();
        try (Harness h = new Harness(b -> b.clientMessageIds(() -> "cm-" + ids.incrementAndGet()))) {
            CompletableFuture<Message> sent = h.client.send("c1", "hello");
            assertThat(h.client.outbox()).singleElement().satisfies(e -> assertThat(e.clientMessageId()).isEqualTo("cm-1"));

            FakeWires.Socket socket = h.live();
            JsonNode send = socket.next("message.send");
            assertThat(send.path("data").path("conversationId").asText()).isEqualTo("c1");
            assertThat(send.path("data").path("clientMessageId").asText()).isEqualTo("cm-1");
            assertThat(send.path("data").path("text").asText()).isEqualTo("hello");
            assertThat(send.path("data").path("type").asText()).isEqualTo("text");
            socket.answer("message.send", acknowledged(send, 9, true));

            assertThat(sent.get(5, TimeUnit.SECONDS).clientMessageId()).isEqualTo("cm-1");
            assertThat(h.client.outbox()).isEmpty();
            assertThat(h.events(MessageSent.class)).singleElement().satisfies(e -> {
                assertThat(e.clientMessageId()).isEqualTo("cm-1");
                assertThat(e.created()).isTrue();
            });
        }
    }

    @Test
    void anUnacknowledgedMessageIsResentWithTheSameClientMessageIdOnTheNextSocket() throws Exception {
        try (Harness h = new Harness()) {
            FakeWires.Socket first = h.live();
            CompletableFuture<Message> sent = h.client.send("c1", NewMessage.text("fixed-id", "once only"));
            first.next("message.send");

            first.close(1006);
            FakeWires.Socket second = h.wires.socket(2);
            second.authenticate();
            second.resume();
            JsonNode resent = second.next("message.send");
            assertThat(resent.path("data").path("clientMessageId").asText()).isEqualTo("fixed-id");
            second.answer("message.send", acknowledged(resent, 3, false));

            assertThat(sent.get(5, TimeUnit.SECONDS).seq()).isEqualTo(3);
            assertThat(h.client.outbox()).isEmpty();
            assertThat(h.events(MessageSent.class)).singleElement().satisfies(e -> assertThat(e.created()).isFalse());
        }
    }

    @Test
    void aTransientRefusalIsRetriedWithTheSameIdOnTheSameSocket() throws Exception {
        try (Harness h = new Harness()) {
            FakeWires.Socket socket = h.live();
            CompletableFuture<Message> sent = h.client.send("c1", NewMessage.text("x-1", "hi"));

            socket.refuse("message.send", "rate_limited");
            JsonNode again = socket.next("message.send");

            assertThat(again.path("data").path("clientMessageId").asText()).isEqualTo("x-1");
            socket.answer("message.send", acknowledged(again, 4, true));
            assertThat(sent.get(5, TimeUnit.SECONDS).seq()).isEqualTo(4);
        }
    }

    @Test
    void aPermanentRefusalTakesTheMessageOutOfTheOutboxAndFailsItsFuture() {
        try (Harness h = new Harness()) {
            FakeWires.Socket socket = h.live();
            CompletableFuture<Message> sent = h.client.send("c1", "not allowed");

            socket.refuse("message.send", "forbidden");

            assertThatThrownBy(() -> sent.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(RequestFailedException.class, e -> {
                        assertThat(e.code()).isEqualTo("forbidden");
                        assertThat(e.op()).isEqualTo("message.send");
                    });
            assertThat(h.client.outbox()).isEmpty();
            assertThat(h.events(SendFailed.class)).singleElement()
                    .satisfies(e -> assertThat(e.entry().message().text()).isEqualTo("not allowed"));
        }
    }

    @Test
    void aFileOutboxSendsWhatAnEarlierProcessLeftUnacknowledged() {
        Path file = dir.resolve("outbox.json");
        try (Harness before = new Harness(b -> b.outboxFile(file))) {
            before.client.send("c1", NewMessage.text("kept-1", "written before a crash"));
            Harness.waiting().until(() -> before.client.outbox().size() == 1);
        }

        try (Harness after = new Harness(b -> b.outboxFile(file))) {
            assertThat(after.client.outbox()).singleElement().satisfies(e -> assertThat(e.clientMessageId()).isEqualTo("kept-1"));
            FakeWires.Socket socket = after.live();
            JsonNode send = socket.next("message.send");
            assertThat(send.path("data").path("text").asText()).isEqualTo("written before a crash");
            socket.answer("message.send", acknowledged(send, 2, true));

            Harness.waiting().until(() -> after.events(MessageSent.class).size() == 1);
            assertThat(Outbox.file(file).entries()).isEmpty();
        }
    }

    @Test
    void aBadSendIsRefusedAtOnceAndQueuesNothing() {
        try (Harness h = new Harness()) {
            assertThatThrownBy(() -> h.client.send("c1", NewMessage.text("has space", "x")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientMessageId");
            assertThatThrownBy(() -> h.client.send(" ", "x")).isInstanceOf(IllegalArgumentException.class);
            assertThat(h.client.outbox()).isEmpty();
        }
    }
}
