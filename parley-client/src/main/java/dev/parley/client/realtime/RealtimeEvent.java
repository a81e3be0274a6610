package dev.parley.client.realtime;

/**
 * Everything a {@link ParleyRealtime} client reports to its subscribers: the persisted
 * {@link ConversationEvent}s of a conversation's history (each exactly once, in {@code seq} order),
 * the ephemeral {@link LiveEvent}s (typing, presence, receipts, unread counts) and the client's own
 * {@link ClientEvent}s (connection state, conversations loaded or removed, outbox results).
 * Subscribe to a record type, or to one of these interfaces to get a whole family.
 */
public sealed interface RealtimeEvent permits ConversationEvent, LiveEvent, ClientEvent {
}
