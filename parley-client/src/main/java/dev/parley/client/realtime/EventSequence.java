package dev.parley.client.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The position of one conversation: the {@code seq} of the last event applied, and the events that
 * arrived ahead of it. {@link #offer} answers which events are due now, in order: a repeat
 * ({@code seq <= position}) is dropped, the next one ({@code position + 1}) is due together with any
 * buffered successors, and one beyond it waits in the buffer until the gap is filled — it is never
 * applied out of order. While {@link #hold() held} (a REST load is replacing the state) every event
 * waits; {@link #release} sets the loaded position and hands out what follows it.
 *
 * <p>Not thread-safe: used on the client's event thread only.
 */
final class EventSequence {
    private long position;
    private boolean held;
    private final TreeMap<Long, ConversationEvent> ahead = new TreeMap<>();

    EventSequence(long position) {
        if (position < 0) throw new IllegalArgumentException("position must not be negative");
        this.position = position;
    }

    /** The seq of the last event applied (or the loaded position). */
    long position() {
        return position;
    }

    boolean held() {
        return held;
    }

    /** True if events wait beyond a missing one (and no load is under way that would settle it). */
    boolean hasGap() {
        return !held && !ahead.isEmpty();
    }

    /** How many events wait. */
    int waiting() {
        return ahead.size();
    }

    /** The events due after {@code event} arrived, in seq order; empty for a repeat or while waiting. */
    List<ConversationEvent> offer(ConversationEvent event) {
        long seq = event.seq();
        if (seq <= position) return List.of();
        if (held || seq > position + 1) {
            ahead.putIfAbsent(seq, event);
            return List.of();
        }
        position = seq;
        List<ConversationEvent> due = new ArrayList<>();
        due.add(event);
        drain(due);
        return due;
    }

    /** Makes every event wait until {@link #release}. */
    void hold() {
        held = true;
    }

    /**
     * Ends a hold: the position becomes {@code loadedPosition} (never lower than now), waiting events
     * up to it are dropped as already contained, and those that follow without a gap are due.
     */
    List<ConversationEvent> release(long loadedPosition) {
        held = false;
        position = Math.max(position, loadedPosition);
        ahead.headMap(position, true).clear();
        List<ConversationEvent> due = new ArrayList<>();
        drain(due);
        return due;
    }

    /** Forgets the waiting events (they will be replayed by the next resume). */
    void discardWaiting() {
        ahead.clear();
    }

    private void drain(List<ConversationEvent> due) {
        while (!ahead.isEmpty() && ahead.firstKey() <= position + 1) {
            Map.Entry<Long, ConversationEvent> next = ahead.pollFirstEntry();
            if (next.getKey() == position + 1) {
                position = next.getKey();
                due.add(next.getValue());
            }
        }
    }
}
