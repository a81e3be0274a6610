package dev.parley.client.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventSequenceTest {
    private static ConversationEvent event(long seq) {
        return new ConversationEvent.Other("c1", seq, Samples.at(seq), "test", null);
    }

    private static List<Long> seqs(List<ConversationEvent> events) {
        return events.stream().map(ConversationEvent::seq).toList();
    }

    @Test
    void theNextEventIsDueAndRepeatsAreDropped() {
        EventSequence sequence = new EventSequence(4);

        assertThat(seqs(sequence.offer(event(5)))).containsExactly(5L);
        assertThat(sequence.offer(event(5))).isEmpty();
        assertThat(sequence.offer(event(3))).isEmpty();
        assertThat(sequence.position()).isEqualTo(5);
        assertThat(sequence.hasGap()).isFalse();
    }

    @Test
    void anEventBeyondAGapWaitsUntilTheGapIsFilledThenAllAreDueInOrder() {
        EventSequence sequence = new EventSequence(0);

        assertThat(sequence.offer(event(3))).isEmpty();
        assertThat(sequence.offer(event(2))).isEmpty();
        assertThat(sequence.offer(event(3))).isEmpty();
        assertThat(sequence.hasGap()).isTrue();
        assertThat(sequence.position()).isZero();

        assertThat(seqs(sequence.offer(event(1)))).containsExactly(1L, 2L, 3L);
        assertThat(sequence.hasGap()).isFalse();
        assertThat(sequence.waiting()).isZero();
    }

    @Test
    void whileHeldEverythingWaitsAndReleaseDropsWhatTheLoadContained() {
        EventSequence sequence = new EventSequence(10);
        sequence.hold();

        assertThat(sequence.offer(event(11))).isEmpty();
        assertThat(sequence.offer(event(12))).isEmpty();
        assertThat(sequence.offer(event(14))).isEmpty();
        assertThat(sequence.hasGap()).as("a hold is not a gap").isFalse();

        assertThat(seqs(sequence.release(11))).containsExactly(12L);
        assertThat(sequence.position()).isEqualTo(12);
        assertThat(sequence.hasGap()).isTrue();
        assertThat(seqs(sequence.offer(event(13)))).containsExactly(13L, 14L);
    }

    @Test
    void releaseNeverMovesThePositionBack() {
        EventSequence sequence = new EventSequence(20);
        sequence.hold();

        assertThat(sequence.release(15)).isEmpty();
        assertThat(sequence.position()).isEqualTo(20);
    }
}
