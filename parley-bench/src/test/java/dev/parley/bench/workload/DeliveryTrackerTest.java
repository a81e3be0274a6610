package dev.parley.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryTrackerTest {
    @Test
    void aDeliveryBeyondTheMembersIsADuplicate() {
        DeliveryTracker tracker = new DeliveryTracker();
        tracker.sending("m1", 0, 2, true);
        tracker.acked("m1", 10);
        tracker.delivered("m1", 20);
        tracker.delivered("m1", 30);
        tracker.delivered("m1", 40);
        assertThat(tracker.duplicates()).isEqualTo(1);
        assertThat(tracker.deliveredMeasured()).isEqualTo(2);
        assertThat(tracker.finish()).isEqualTo(new DeliveryTracker.Leftover(0, 0));
    }

    @Test
    void whatArrivesAfterTheRunEndedWasCountedAsLostNotAsADuplicate() {
        DeliveryTracker tracker = new DeliveryTracker();
        tracker.sending("m1", 0, 3, true);
        tracker.delivered("m1", 20);
        assertThat(tracker.finish()).isEqualTo(new DeliveryTracker.Leftover(2, 1));
        tracker.delivered("m1", 30);
        assertThat(tracker.duplicates()).isZero();

        tracker.reset();
        tracker.sending("m2", 0, 1, true);
        tracker.delivered("m2", 10);
        tracker.acked("m2", 11);
        tracker.delivered("m2", 12);
        assertThat(tracker.duplicates()).as("counting resumes with the next run").isEqualTo(1);
    }
}
