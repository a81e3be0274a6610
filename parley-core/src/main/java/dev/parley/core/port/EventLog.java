package dev.parley.core.port;

import dev.parley.core.event.ChatEvent;
import java.util.List;

/**
 * The durable, ordered log of every conversation's events: the window a reconnecting client
 * resumes from. Appends join the caller's transaction; an event's seq must be the conversation's
 * seq just taken with {@link ConversationStore#nextSeq}. Thread-safe.
 */
public interface EventLog {
    void append(ChatEvent event);

    /** Events of a conversation with seq greater than {@code afterSeq}, ascending, at most {@code limit}. */
    List<ChatEvent> readAfter(String conversationId, long afterSeq, int limit);
}
