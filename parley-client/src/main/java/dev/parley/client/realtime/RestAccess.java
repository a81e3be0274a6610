package dev.parley.client.realtime;

import dev.parley.client.model.ConversationSummary;
import dev.parley.client.model.HistoryQuery;
import dev.parley.client.model.MemberProfile;
import dev.parley.client.model.MessagePage;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The REST calls the realtime client needs to load conversations. Calls block and may throw
 * {@link dev.parley.client.ParleyApiException} or {@link java.io.UncheckedIOException}; they run on
 * background threads, never on the event thread. Implementations must be thread-safe.
 */
interface RestAccess {
    /** The summaries of those of {@code conversationIds} I belong to (archived and hidden ones included), by id. */
    Map<String, ConversationSummary> summaries(Set<String> conversationIds);

    /** The members of a conversation with their markers. */
    List<MemberProfile> members(String conversationId);

    /** One page of history. */
    MessagePage history(String conversationId, HistoryQuery query);
}
