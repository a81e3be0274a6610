package dev.parley.core.message;

import dev.parley.core.Ports;
import dev.parley.core.access.Access;
import dev.parley.core.access.Actor;
import dev.parley.core.access.Permission;
import dev.parley.core.conversation.Member;
import dev.parley.core.error.ParleyException;
import dev.parley.core.error.Validation;
import dev.parley.core.receipt.ReceiptService;
import dev.parley.core.support.Inputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading messages as a member sees them: history pages, single messages, edit histories and
 * pins, each with reactions, pin flags and (for one's own messages) delivery state. Deleted
 * messages come back as tombstones. Thread-safe.
 */
public final class MessageReader {
    private final Ports ports;
    private final ReceiptService receipts;

    public MessageReader(Ports ports, ReceiptService receipts) {
        this.ports = ports;
        this.receipts = receipts;
    }

    public HistoryPage history(Actor actor, String conversationId, HistoryQuery query) {
        int limit = Inputs.pageSize(ports.limits(), query.limit() <= 0 ? null : query.limit());
        int anchors = (query.beforeSeq() != null ? 1 : 0) + (query.afterSeq() != null ? 1 : 0)
                + (query.aroundMessageId() != null ? 1 : 0) + (query.firstUnread() ? 1 : 0);
        new Validation()
                .require(anchors <= 1, "before", "use at most one of before, after, around and firstUnread")
                .require(query.beforeSeq() == null || query.beforeSeq() >= 1, "before", "must be a seq of at least 1")
                .require(query.afterSeq() == null || query.afterSeq() >= 0, "after", "must be a seq of at least 0")
                .throwIfInvalid();
        HistoryPage page = ports.tx().read(() -> {
            Access access = Access.of(ports.conversations(), actor, conversationId);
            String thread = query.threadRootId();
            Anchor anchor = anchorOf(query);
            // Pages that run towards older (newest, before) or newer (after) messages read one more
            // message than asked, which says whether there are more that way without a query.
            List<StoredMessage> messages = switch (anchor) {
                case BEFORE -> ports.messages().page(conversationId, thread, query.beforeSeq(), null, limit + 1);
                case AFTER -> ports.messages().page(conversationId, thread, null, query.afterSeq(), limit + 1);
                case AROUND -> around(access, query.aroundMessageId(), thread, limit);
                case FIRST_UNREAD -> firstUnread(access, thread, limit);
                case NEWEST -> ports.messages().page(conversationId, thread, null, null, limit + 1);
            };
            boolean towardsOlder = anchor == Anchor.NEWEST || anchor == Anchor.BEFORE;
            boolean more = (towardsOlder || anchor == Anchor.AFTER) && messages.size() > limit;
            if (more) messages = towardsOlder ? messages.subList(1, messages.size()) : messages.subList(0, limit);
            if (messages.isEmpty()) return new HistoryPage(List.of(), false, false);
            boolean hasOlder = towardsOlder ? more
                    : !ports.messages().page(conversationId, thread, messages.getFirst().message().seq(), null, 1).isEmpty();
            // The newest page has nothing newer in this read's snapshot.
            boolean hasNewer = anchor == Anchor.AFTER ? more : anchor != Anchor.NEWEST
                    && !ports.messages().page(conversationId, thread, null, messages.getLast().message().seq(), 1).isEmpty();
            return new HistoryPage(viewsOf(access, messages), hasOlder, hasNewer);
        });
        if (query.markRead() && !page.messages().isEmpty()) {
            receipts.markRead(actor, conversationId, page.messages().getLast().message().seq());
        }
        return page;
    }

    public MessageView get(Actor actor, String messageId) {
        return ports.tx().read(() -> {
            Message message = ports.messages().findById(messageId).orElseThrow(() -> ParleyException.notFound("Message"));
            Access access = Access.of(ports.conversations(), actor, message.conversationId());
            return views(access, List.of(message)).getFirst();
        });
    }

    /**
     * The view of a message just sent or forwarded, for its sender. A new message is shown as it
     * committed (no reactions, not pinned, sent to every other member) without reading it back; a
     * retry's original is read, since it may have been reacted to, pinned or read meanwhile.
     */
    public MessageView sent(Actor actor, SendResult result) {
        if (!result.created()) return get(actor, result.message().id());
        Message message = result.message();
        String viewer = actor.userIdOrNull();
        DeliveryState delivery = null;
        if (viewer != null && viewer.equals(message.senderId())) {
            delivery = new DeliveryState(DeliveryState.Status.SENT, 0, 0, (int) result.recipients(), List.of());
        }
        return new MessageView(message, List.of(), false, delivery);
    }

    /** Earlier versions of a message, oldest first; empty for a deleted one. */
    public List<MessageEdit> edits(Actor actor, String messageId) {
        return ports.tx().read(() -> {
            Message message = ports.messages().findById(messageId).orElseThrow(() -> ParleyException.notFound("Message"));
            Access.of(ports.conversations(), actor, message.conversationId());
            return message.isDeleted() ? List.of() : ports.messages().edits(messageId);
        });
    }

    public List<MessageView> pinned(Actor actor, String conversationId) {
        return ports.tx().read(() -> {
            Access access = Access.of(ports.conversations(), actor, conversationId);
            return views(access, ports.messages().pinned(conversationId));
        });
    }

    /** The views of messages of one conversation, for the access's viewer. */
    public List<MessageView> views(Access access, List<Message> messages) {
        if (messages.isEmpty()) return List.of();
        Set<String> pins = ports.messages().pinnedAmong(messages.stream().map(Message::id).toList());
        List<StoredMessage> stored = new ArrayList<>(messages.size());
        for (Message m : messages) stored.add(new StoredMessage(m, pins.contains(m.id()), true));
        return viewsOf(access, stored);
    }

    /**
     * The views of stored messages of one conversation: reactions are read only for live messages
     * that have some, the members only when the viewer's own live messages need a delivery state.
     */
    private List<MessageView> viewsOf(Access access, List<StoredMessage> messages) {
        if (messages.isEmpty()) return List.of();
        String viewer = access.actor().userIdOrNull();
        List<String> reacted = new ArrayList<>();
        boolean ownMessages = false;
        for (StoredMessage stored : messages) {
            Message m = stored.message();
            if (m.isDeleted()) continue;
            if (stored.hasReactions()) reacted.add(m.id());
            ownMessages |= viewer != null && viewer.equals(m.senderId());
        }
        Map<String, List<ReactionCount>> reactions = reacted.isEmpty() ? Map.of() : ports.messages().reactions(reacted, viewer);
        boolean seesDeletedBy = access.allows(Permission.SEE_DELETED_BY);
        List<Member> members = ownMessages ? ports.conversations().listMembers(access.conversationId()) : List.of();
        List<MessageView> views = new ArrayList<>(messages.size());
        for (StoredMessage stored : messages) {
            Message m = stored.message();
            if (m.isDeleted()) {
                views.add(new MessageView(m.tombstone(seesDeletedBy), List.of(), false, null));
                continue;
            }
            DeliveryState delivery = viewer != null && viewer.equals(m.senderId()) ? deliveryState(m, members) : null;
            views.add(new MessageView(m, reactions.getOrDefault(m.id(), List.of()), stored.pinned(), delivery));
        }
        return views;
    }

    static DeliveryState deliveryState(Message message, List<Member> members) {
        int recipients = 0;
        int delivered = 0;
        List<String> readers = new ArrayList<>();
        for (Member member : members) {
            if (member.userId().equals(message.senderId())) continue;
            recipients++;
            if (member.deliveredSeq() >= message.seq() || member.readSeq() >= message.seq()) delivered++;
            if (member.readSeq() >= message.seq()) readers.add(member.userId());
        }
        DeliveryState.Status status;
        if (recipients > 0 && readers.size() == recipients) status = DeliveryState.Status.READ_ALL;
        else if (!readers.isEmpty()) status = DeliveryState.Status.READ_SOME;
        else if (recipients > 0 && delivered == recipients) status = DeliveryState.Status.DELIVERED_ALL;
        else if (delivered > 0) status = DeliveryState.Status.DELIVERED_SOME;
        else status = DeliveryState.Status.SENT;
        return new DeliveryState(status, delivered, readers.size(), recipients, List.copyOf(readers));
    }

    private List<StoredMessage> around(Access access, String messageId, String thread, int limit) {
        Message anchor = ports.messages().findById(messageId)
                .filter(m -> m.conversationId().equals(access.conversationId()))
                .orElseThrow(() -> ParleyException.invalid("around", "is not a message of this conversation"));
        List<StoredMessage> older = ports.messages().page(access.conversationId(), thread, anchor.seq(), null, limit / 2);
        List<StoredMessage> newer = ports.messages().page(access.conversationId(), thread, null, anchor.seq() - 1,
                limit - older.size());
        List<StoredMessage> all = new ArrayList<>(older);
        all.addAll(newer);
        return all;
    }

    private List<StoredMessage> firstUnread(Access access, String thread, int limit) {
        if (access.member() == null) throw ParleyException.invalid("firstUnread", "needs a member");
        List<StoredMessage> unread = ports.messages().page(access.conversationId(), thread, null, access.member().readSeq(), limit);
        return unread.isEmpty() ? ports.messages().page(access.conversationId(), thread, null, null, limit) : unread;
    }

    private enum Anchor { BEFORE, AFTER, AROUND, FIRST_UNREAD, NEWEST }

    private static Anchor anchorOf(HistoryQuery q) {
        if (q.beforeSeq() != null) return Anchor.BEFORE;
        if (q.afterSeq() != null) return Anchor.AFTER;
        if (q.aroundMessageId() != null) return Anchor.AROUND;
        if (q.firstUnread()) return Anchor.FIRST_UNREAD;
        return Anchor.NEWEST;
    }
}
