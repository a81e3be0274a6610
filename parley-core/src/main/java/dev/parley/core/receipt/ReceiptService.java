package dev.parley.core.receipt;

import dev.parley.core.Ports;
import dev.parley.core.access.Access;
import dev.parley.core.access.Actor;
import dev.parley.core.error.ParleyException;
import dev.parley.core.event.Changes;
import dev.parley.core.event.UserEvent;

/**
 * Read and delivered markers: per member "read up to seq" and "delivered up to seq", moving only
 * forward and never past the conversation's last seq. Reading implies delivery. Thread-safe.
 */
public final class ReceiptService {
    private final Ports ports;

    public ReceiptService(Ports ports) {
        this.ports = ports;
    }

    /** Marks read up to {@code seq} (null: everything). Returns the read marker after the call. */
    public long markRead(Actor actor, String conversationId, Long seq) {
        String me = actor.requireUserId();
        return Changes.write(ports, conversationId, changes -> {
            Access access = Access.of(ports.conversations(), actor, conversationId);
            long target = target(access, seq);
            boolean deliveredMoved = ports.conversations().advanceDeliveredSeq(conversationId, me, target);
            boolean readMoved = ports.conversations().advanceReadSeq(conversationId, me, target);
            long read = Math.max(access.member().readSeq(), target);
            if (deliveredMoved || readMoved) {
                changes.record(new UserEvent.MarkersMoved(me, conversationId, read,
                        Math.max(access.member().deliveredSeq(), target), readMoved, ports.clock().instant()));
            }
            return read;
        });
    }

    /** Marks delivered up to {@code seq} (null: everything). Returns the delivered marker after the call. */
    public long markDelivered(Actor actor, String conversationId, Long seq) {
        String me = actor.requireUserId();
        return Changes.write(ports, conversationId, changes -> {
            Access access = Access.of(ports.conversations(), actor, conversationId);
            long target = target(access, seq);
            if (ports.conversations().advanceDeliveredSeq(conversationId, me, target)) {
                changes.record(new UserEvent.MarkersMoved(me, conversationId, access.member().readSeq(), target, false,
                        ports.clock().instant()));
                return target;
            }
            return Math.max(access.member().deliveredSeq(), target);
        });
    }

    private static long target(Access access, Long seq) {
        long last = access.conversation().lastSeq();
        if (seq == null) return last;
        if (seq < 0 || seq > last) {
            throw ParleyException.invalid("seq", "must be between 0 and the conversation's last seq " + last);
        }
        return seq;
    }
}
