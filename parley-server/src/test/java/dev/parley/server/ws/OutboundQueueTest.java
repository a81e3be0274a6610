package dev.parley.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bounded queue of one connection, its writer starts and its lazily made deque, without a socket. */
@Timeout(30)
class OutboundQueueTest {
    private final List<String> starts = new ArrayList<>();

    private OutboundQueue queue(int frames, long chars) {
        return new OutboundQueue(frames, chars, () -> starts.add("writer"));
    }

    @Test
    void anIdleQueueHoldsNoDequeAndTheWriterDropsItWhenDrained() {
        OutboundQueue queue = queue(8, 1_000);
        assertThat(queue.holdsBuffer()).isFalse();

        assertThat(queue.offer("a", OutboundQueue.Kind.CONTENT)).isEqualTo(OutboundQueue.Offer.QUEUED);
        assertThat(queue.offer("b", OutboundQueue.Kind.CONTENT)).isEqualTo(OutboundQueue.Offer.QUEUED);
        assertThat(queue.holdsBuffer()).isTrue();
        assertThat(starts).as("one writer for both frames").hasSize(1);

        assertThat(take(queue, 8)).containsExactly("a", "b");
        assertThat(queue.holdsBuffer()).as("still the writer's until it finds the queue empty").isTrue();
        assertThat(queue.drainTo(new ArrayList<>(), 8)).as("empty: the writer stops").isFalse();
        assertThat(queue.holdsBuffer()).isFalse();
        assertThat(queue.size()).isZero();
        assertThat(queue.chars()).isZero();

        assertThat(queue.offer("c", OutboundQueue.Kind.CONTENT)).isEqualTo(OutboundQueue.Offer.QUEUED);
        assertThat(starts).as("the next frame starts a new writer").hasSize(2);
        assertThat(take(queue, 8)).containsExactly("c");
    }

    @Test
    void theWriterTakesWhatWaitsInOrderUpToItsBatch() {
        OutboundQueue queue = queue(8, 1_000);
        for (String frame : List.of("a", "b", "c", "d", "e")) queue.offer(frame, OutboundQueue.Kind.CONTENT);

        assertThat(take(queue, 3)).containsExactly("a", "b", "c");
        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue.chars()).isEqualTo(2);
        assertThat(take(queue, 3)).containsExactly("d", "e");
    }

    @Test
    void ephemeralFramesAreShedUnderPressureAndContentOverflows() {
        OutboundQueue queue = queue(4, 1_000);
        for (int i = 0; i < 4; i++) queue.offer("content-" + i, OutboundQueue.Kind.CONTENT);

        assertThat(queue.offer("typing", OutboundQueue.Kind.EPHEMERAL)).isEqualTo(OutboundQueue.Offer.SHED);
        assertThat(queue.shedCount()).isEqualTo(1);
        assertThat(queue.offer("more", OutboundQueue.Kind.CONTENT)).isEqualTo(OutboundQueue.Offer.OVERFLOW);
        assertThat(queue.size()).isEqualTo(4);
    }

    @Test
    void aFrameLargerThanTheBoundFitsIntoAnEmptyQueueOnly() {
        OutboundQueue queue = queue(8, 10);
        assertThat(queue.offer("x".repeat(50), OutboundQueue.Kind.CONTENT)).isEqualTo(OutboundQueue.Offer.QUEUED);
        assertThat(queue.offer("y", OutboundQueue.Kind.CONTENT)).isEqualTo(OutboundQueue.Offer.OVERFLOW);
    }

    @Test
    void aWaitingOfferGetsRoomWhenTheWriterTakesAFrameAndOverflowsWhenNoneCame() throws Exception {
        OutboundQueue queue = queue(1, 1_000);
        queue.offer("first", OutboundQueue.Kind.CONTENT);

        assertThat(queue.offerWaiting("late", Duration.ofMillis(20))).isEqualTo(OutboundQueue.Offer.OVERFLOW);

        CompletableFuture<OutboundQueue.Offer> waiting = offerWaitingElsewhere(queue, "second");
        assertThat(take(queue, 1)).containsExactly("first");
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo(OutboundQueue.Offer.QUEUED);
        assertThat(take(queue, 1)).containsExactly("second");
    }

    @Test
    void closingDropsWhatWaitsWakesWaitersAndRefusesMore() throws Exception {
        OutboundQueue queue = queue(1, 1_000);
        queue.offer("first", OutboundQueue.Kind.CONTENT);
        CompletableFuture<OutboundQueue.Offer> waiting = offerWaitingElsewhere(queue, "second");

        queue.close();

        assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo(OutboundQueue.Offer.CLOSED);
        assertThat(queue.holdsBuffer()).isFalse();
        assertThat(queue.drainTo(new ArrayList<>(), 8)).as("closed: the writer stops").isFalse();
        assertThat(queue.offer("third", OutboundQueue.Kind.CONTENT)).isEqualTo(OutboundQueue.Offer.CLOSED);
    }

    /** Offers {@code frame} with {@link OutboundQueue#offerWaiting} on a virtual thread of its own. */
    private static CompletableFuture<OutboundQueue.Offer> offerWaitingElsewhere(OutboundQueue queue, String frame) {
        CompletableFuture<OutboundQueue.Offer> outcome = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                outcome.complete(queue.offerWaiting(frame, Duration.ofSeconds(20)));
            } catch (InterruptedException e) {
                outcome.completeExceptionally(e);
            }
        });
        return outcome;
    }

    /** What the writer would take next (at most {@code max} frames). */
    private static List<String> take(OutboundQueue queue, int max) {
        List<String> frames = new ArrayList<>();
        assertThat(queue.drainTo(frames, max)).isTrue();
        return frames;
    }
}
