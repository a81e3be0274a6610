package dev.parley.client.realtime;

/** How far one member of a conversation has read and received its history. */
public record Receipt(String conversationId, String userId, long readSeq, long deliveredSeq) {
}
