package dev.parley.client.model;

/**
 * Which page of history to read. Use at most one anchor: {@code before} or {@code after} a seq,
 * {@code around} a message id, or {@code firstUnread}; none reads the newest page. {@code thread}
 * reads one thread's replies; {@code markRead} also moves my read marker to the page's end.
 */
public record HistoryQuery(
        Long before,
        Long after,
        String around,
        Boolean firstUnread,
        String thread,
        Integer limit,
        Boolean markRead) {

    public static final HistoryQuery NEWEST = new HistoryQuery(null, null, null, null, null, null, null);

    public static HistoryQuery newest(int limit) {
        return NEWEST.withLimit(limit);
    }

    public static HistoryQuery before(long seq, int limit) {
        return new HistoryQuery(seq, null, null, null, null, limit, null);
    }

    public static HistoryQuery after(long seq, int limit) {
        return new HistoryQuery(null, seq, null, null, null, limit, null);
    }

    public static HistoryQuery around(String messageId, int limit) {
        return new HistoryQuery(null, null, messageId, null, null, limit, null);
    }

    public static HistoryQuery firstUnread(int limit) {
        return new HistoryQuery(null, null, null, true, null, limit, null);
    }

    public static HistoryQuery thread(String rootMessageId) {
        return new HistoryQuery(null, null, null, null, rootMessageId, null, null);
    }

    public HistoryQuery withLimit(Integer value) {
        return new HistoryQuery(before, after, around, firstUnread, thread, value, markRead);
    }

    public HistoryQuery withThread(String value) {
        return new HistoryQuery(before, after, around, firstUnread, value, limit, markRead);
    }

    public HistoryQuery withMarkRead(Boolean value) {
        return new HistoryQuery(before, after, around, firstUnread, thread, limit, value);
    }
}
