package dev.parley.server.ws;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The {@code data} of the requests, as docs/protocol.md lists them; unknown fields are refused. */
final class WsRequests {
    private WsRequests() {
    }

    record Auth(String token) {
    }

    record Resume(Map<String, Long> conversations) {
    }

    /** focus, blur, typing.start, typing.stop. */
    record ConversationRef(String conversationId) {
    }

    record PresenceSet(String status, String statusText, Instant statusExpiresAt) {
    }

    record PresenceGet(List<String> userIds) {
    }

    record Edit(String messageId, String text, List<String> mentions, Boolean mentionAll) {
    }

    /** message.delete, message.pin, message.unpin. */
    record MessageRef(String messageId) {
    }

    record Forward(String messageId, String conversationId, String clientMessageId) {
    }

    /** reaction.add, reaction.remove. */
    record Reaction(String messageId, String emoji) {
    }

    /** read ({@code seq} optional) and delivered ({@code seq} required). */
    record Marker(String conversationId, Long seq) {
    }

    record History(String conversationId, Long before, Long after, Integer limit) {
    }
}
