package dev.parley.client.realtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;

/**
 * Automatic {@code delivered} acknowledgements, batched: the first event not acknowledged starts a
 * timer of one interval; when it fires, one {@code delivered} per conversation goes out with the
 * highest seq received, so at most one batch leaves per interval. A seq the server already
 * holds as my delivered marker (from a load or a receipt) is not sent again. Failed
 * acknowledgements are retried with the next batch.
 *
 * <p>Not thread-safe: used on the event thread only.
 */
final class DeliveredAcks {
    private final EventLoop loop;
    private final Requests requests;
    private final Duration interval;
    private final Duration timeout;
    private final Map<String, Long> received = new HashMap<>();
    private final Map<String, Long> confirmed = new HashMap<>();
    private final Map<String, Long> sending = new HashMap<>();
    private ScheduledFuture<?> timer;

    /** {@code interval} null turns acknowledgements off. */
    DeliveredAcks(EventLoop loop, Requests requests, Duration interval, Duration timeout) {
        this.loop = loop;
        this.requests = requests;
        this.interval = interval;
        this.timeout = timeout;
    }

    /** An event with {@code seq} of a conversation was received and applied. */
    void received(String conversationId, long seq) {
        if (interval == null) return;
        received.merge(conversationId, seq, Math::max);
        schedule();
    }

    /** The server holds {@code deliveredSeq} as my marker. */
    void known(String conversationId, long deliveredSeq) {
        confirmed.merge(conversationId, deliveredSeq, Math::max);
    }

    void forget(String conversationId) {
        received.remove(conversationId);
        confirmed.remove(conversationId);
        sending.remove(conversationId);
    }

    /** The socket is ready again: send what is due. */
    void ready() {
        schedule();
    }

    void close() {
        if (timer != null) timer.cancel(false);
        timer = null;
    }

    private boolean due(String conversationId, long seq) {
        return seq > Math.max(confirmed.getOrDefault(conversationId, 0L), sending.getOrDefault(conversationId, 0L));
    }

    private void schedule() {
        if (timer != null || interval == null || !requests.isReady()) return;
        if (received.entrySet().stream().noneMatch(e -> due(e.getKey(), e.getValue()))) return;
        timer = loop.schedule(this::batch, interval); // what arrives meanwhile joins this batch
    }

    private void batch() {
        timer = null;
        if (!requests.isReady()) return;
        for (Map.Entry<String, Long> e : Map.copyOf(received).entrySet()) {
            String conversationId = e.getKey();
            long seq = e.getValue();
            if (!due(conversationId, seq)) continue;
            sending.put(conversationId, seq);
            ObjectNode data = RealtimeJson.MAPPER.createObjectNode().put("conversationId", conversationId).put("seq", seq);
            requests.direct("delivered", data, timeout).whenComplete((result, error) -> {
                sending.remove(conversationId, seq);
                if (error == null) {
                    known(conversationId, Math.max(seq, result.path("deliveredSeq").asLong(seq)));
                } else if (error instanceof RequestFailedException r && !r.isTransient()) {
                    known(conversationId, seq); // refused (e.g. no longer a member): do not insist
                } else {
                    schedule();
                }
            });
        }
    }
}
