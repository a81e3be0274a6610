package dev.parley.client.realtime;

import dev.parley.client.model.Message;

/** What the client itself reports: connection changes, conversation loads and removals, outbox results. */
public sealed interface ClientEvent extends RealtimeEvent {

    /**
     * The connection state changed. {@code closeCode} and {@code reason} tell why a socket closed
     * (null when the change is not a close); {@code 1006} stands for a connection that broke
     * without a close frame.
     */
    record ConnectionChanged(ConnectionState state, Integer closeCode, String reason) implements ClientEvent {
    }

    /** Why a conversation was loaded through REST. */
    enum LoadReason {
        /** The resume reply listed it as unknown: joined while away, or a first start. */
        UNKNOWN,
        /** A {@code conversation.available} event (or an event of a conversation not known yet) named it. */
        AVAILABLE,
        /** Too many events were missing to replay; history was backfilled page by page. */
        TOO_FAR_BEHIND
    }

    /** A conversation's state was (re)loaded through REST; the store holds it now. */
    record ConversationLoaded(String conversationId, LoadReason reason) implements ClientEvent {
    }

    /** I no longer belong to a conversation (removed, left, or it is gone); the store dropped it. */
    record ConversationRemoved(String conversationId) implements ClientEvent {
    }

    /** The server acknowledged an outbox message; {@code created} is false for a repeat of an earlier send. */
    record MessageSent(String clientMessageId, Message message, boolean created) implements ClientEvent {
    }

    /** The server refused an outbox message for good (e.g. forbidden or invalid); it left the outbox. */
    record SendFailed(OutboxEntry entry, RequestFailedException error) implements ClientEvent {
    }
}
