package dev.parley.core.message;

/**
 * One page of a conversation's history, by seq. Exactly one anchor applies: {@code beforeSeq}
 * (older than), {@code afterSeq} (newer than), {@code aroundMessageId} (centred on), or
 * {@code firstUnread} (starting at my first unread); with none, the newest page. Messages of a
 * thread are included only when {@code threadRootId} is set, and then only that thread.
 */
public record HistoryQuery(
        Long beforeSeq,
        Long afterSeq,
        String aroundMessageId,
        boolean firstUnread,
        String threadRootId,
        int limit,
        boolean markRead) {

    public static HistoryQuery newest(int limit) {
        return new HistoryQuery(null, null, null, false, null, limit, false);
    }
}
