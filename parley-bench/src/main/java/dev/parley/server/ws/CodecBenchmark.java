package dev.parley.server.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.parley.core.event.ChatEvent;
import dev.parley.core.message.Message;
import dev.parley.core.message.MessageType;
import dev.parley.server.api.dto.MessageJson;
import dev.parley.server.http.Json;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The event codec: a {@code message.created} event to the JSON text of its WebSocket frame
 * ({@code {"type":"event","event":…,"conversationId":…,"seq":…,"at":…,"data":{"message":…}}}),
 * as the server's {@link EventFrames} writes it, and the message alone in its REST shape. The frame
 * is written once per event on the fan-out path, so its cost bounds fan-out throughput per core.
 *
 * <p>It lives in the server's package (in the bench module) because {@code EventFrames} is
 * package-private: the benchmark measures the server's own code, not a copy of it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {
    @Param({"40", "1000"})
    int textLength;

    private ChatEvent.MessageCreated event;

    @Setup
    public void setUp() {
        String text = "Grüße from the bench, with an emoji 🎉 ".repeat(textLength / 38 + 1).substring(0, textLength);
        Instant at = Instant.parse("2026-06-01T12:00:00.123Z");
        Message message = new Message("m_01jz8k3v7q2w9e4r5t6y7u8i9o", "c_01jz8k3v7q2w9e4r5t6y7u8i9p", 4242,
                "u_01jz8k3v7q2w9e4r5t6y7u8i9q", "client-1234", MessageType.TEXT, text, null, List.of(), null, null,
                List.of("u_01jz8k3v7q2w9e4r5t6y7u8i9r"), false, null, at, null, null, null, Message.ThreadStats.NONE);
        event = new ChatEvent.MessageCreated(message.conversationId(), message.seq(), at, message);
    }

    @Benchmark
    public String messageCreatedFrame() {
        return EventFrames.of(event);
    }

    @Benchmark
    public String messageOnly() throws JsonProcessingException {
        return Json.MAPPER.writeValueAsString(MessageJson.preview(event.message(), false));
    }
}
