package dev.parley.client.realtime;

import dev.parley.client.ParleyClient;
import dev.parley.client.model.ConversationQuery;
import dev.parley.client.model.ConversationSummary;
import dev.parley.client.model.HistoryQuery;
import dev.parley.client.model.MemberProfile;
import dev.parley.client.model.MessagePage;
import dev.parley.client.model.Page;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link RestAccess} through a {@link ParleyClient}. Summaries come from "my conversations" (active,
 * then archived, hidden ones included), read page by page until every wanted one was seen: the list
 * is the one place that carries the exact unread and mention counts.
 */
final class ClientRestAccess implements RestAccess {
    private static final int PAGE = 100;

    private final ParleyClient client;

    ClientRestAccess(ParleyClient client) {
        this.client = client;
    }

    @Override
    public Map<String, ConversationSummary> summaries(Set<String> conversationIds) {
        Map<String, ConversationSummary> found = new HashMap<>();
        for (boolean archived : new boolean[] {false, true}) {
            ConversationQuery query = ConversationQuery.ALL.withArchived(archived).withIncludeHidden(true).withLimit(PAGE);
            String cursor = null;
            do {
                Page<ConversationSummary> page = client.conversations().list(query.withCursor(cursor));
                for (ConversationSummary s : page.items()) {
                    if (conversationIds.contains(s.conversation().id())) found.put(s.conversation().id(), s);
                }
                if (found.size() == conversationIds.size()) return found;
                cursor = page.nextCursor();
            } while (cursor != null);
        }
        return found;
    }

    @Override
    public List<MemberProfile> members(String conversationId) {
        return client.conversations().members(conversationId);
    }

    @Override
    public MessagePage history(String conversationId, HistoryQuery query) {
        return client.messages().history(conversationId, query);
    }
}
