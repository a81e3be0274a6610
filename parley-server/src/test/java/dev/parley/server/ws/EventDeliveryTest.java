package dev.parley.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.conversation.Role;
import dev.parley.core.event.ChatEvent;
import dev.parley.core.port.EventLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resume of one connection against an outbound queue that is full when the replay ends. */
class EventDeliveryTest {
    private static final String CONVERSATION = "c_1";

    /** The log of one conversation: member.added events with seq 1 … n. */
    private record ListLog(List<ChatEvent> events) implements EventLog {
        static ListLog of(int n) {
            List<ChatEvent> events = new ArrayList<>();
            for (int seq = 1; seq <= n; seq++) {
                events.add(new ChatEvent.MemberAdded(CONVERSATION, seq, Instant.EPOCH, "u_" + seq, Role.MEMBER, "u_owner"));
            }
            return new ListLog(events);
        }

        @Override
        public void append(ChatEvent event) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public List<ChatEvent> readAfter(String conversationId, long afterSeq, int limit) {
            return events.stream().filter(e -> e.seq() > afterSeq).limit(limit).toList();
        }
    }

    /**
     * A queue of {@code room} frames that the client has not read yet: a frame sent without
     * waiting when it is full overflows it; a waiting send gets room once the client reads.
     */
    private static final class FullQueue implements EventDelivery.Output {
        final List<String> written = new ArrayList<>();
        final List<String> overflows = new ArrayList<>();
        private final int room;
        private int unread;

        FullQueue(int room) {
            this.room = room;
        }

        @Override
        public boolean send(String frame) {
            if (unread >= room) {
                overflows.add(frame);
                return false;
            }
            unread++;
            return written.add(frame);
        }

        @Override
        public boolean sendWaiting(String frame) {
            if (unread >= room) unread = 0; // the client reads what was waiting
            unread++;
            return written.add(frame);
        }

        @Override
        public void overflow(String reason) {
            overflows.add(reason);
        }
    }

    @Test
    void aReplayThatFillsTheQueueStillGetsItsReplyAndGoesLive() {
        FullQueue queue = new FullQueue(4);
        EventDelivery delivery = new EventDelivery("u_me", ListLog.of(12), queue, 1_000, 100, removed -> { });

        delivery.resume(Map.of(CONVERSATION, 3L), () -> Map.of(CONVERSATION, 12L), resumed -> "REPLY");

        assertThat(queue.overflows).isEmpty();
        assertThat(queue.written).hasSize(10);
        assertThat(queue.written.getLast()).isEqualTo("REPLY");
        assertThat(delivery.isLive()).isTrue();
        assertThat(delivery.cursors()).containsEntry(CONVERSATION, 12L);
    }

    @Test
    void liveEventsAfterTheReplyFollowIt() {
        FullQueue queue = new FullQueue(100);
        EventDelivery delivery = new EventDelivery("u_me", ListLog.of(2), queue, 1_000, 100, removed -> { });
        delivery.resume(Map.of(CONVERSATION, 0L), () -> Map.of(CONVERSATION, 2L), resumed -> "REPLY");

        ChatEvent next = new ChatEvent.MemberAdded(CONVERSATION, 3, Instant.EPOCH, "u_3", Role.MEMBER, "u_owner");
        delivery.offer(next, "LIVE-3");
        delivery.offer(next, "LIVE-3-AGAIN");

        assertThat(queue.written).hasSize(4);
        assertThat(queue.written.subList(2, 4)).containsExactly("REPLY", "LIVE-3");
    }

    @Test
    void theBacklogIsMadeForEventsThatArriveDuringAResumeAndDroppedAfterIt() {
        FullQueue queue = new FullQueue(100);
        EventDelivery delivery = new EventDelivery("u_me", ListLog.of(3), queue, 1_000, 100, removed -> { });
        assertThat(delivery.holdsBacklog()).isFalse();
        ChatEvent live = new ChatEvent.MemberAdded(CONVERSATION, 4, Instant.EPOCH, "u_4", Role.MEMBER, "u_owner");
        boolean[] heldDuringResume = new boolean[1];

        delivery.resume(Map.of(CONVERSATION, 1L), () -> {
            delivery.offer(live, "LIVE-4");
            heldDuringResume[0] = delivery.holdsBacklog();
            return Map.of(CONVERSATION, 3L);
        }, resumed -> "REPLY");

        assertThat(heldDuringResume[0]).isTrue();
        assertThat(delivery.holdsBacklog()).isFalse();
        assertThat(queue.written).hasSize(4);
        assertThat(queue.written.subList(2, 4)).containsExactly("LIVE-4", "REPLY");
        assertThat(delivery.cursors()).containsEntry(CONVERSATION, 4L);
    }
}
