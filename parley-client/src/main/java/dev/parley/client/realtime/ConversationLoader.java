package dev.parley.client.realtime;

import dev.parley.client.ParleyApiException;
import dev.parley.client.model.ConversationSummary;
import dev.parley.client.model.HistoryQuery;
import dev.parley.client.model.MemberProfile;
import dev.parley.client.model.Message;
import dev.parley.client.model.MessagePage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads conversations through REST, for what a resume cannot replay. A <em>fresh</em> load (a
 * conversation the client did not know) reads the summary, the members and the newest page of
 * history. A <em>backfill</em> (too far behind to replay) reads the summary, the members and every
 * message after a seq, page by page until none is newer, plus the new replies of the threads
 * whose roots it read. The position of a load is the larger of the seq the server named and the
 * conversation's {@code lastSeq} in the summary: the counts of the summary belong to it.
 *
 * <p>Blocking and thread-safe; runs on background threads.
 */
final class ConversationLoader {
    private final RestAccess rest;
    private final int pageSize;
    private final int initialHistory;

    /** The loads, and the conversations that turned out not to be mine (any more). */
    record Result(List<LoadedConversation> loaded, Set<String> gone) {
    }

    ConversationLoader(RestAccess rest, int pageSize, int initialHistory) {
        this.rest = rest;
        this.pageSize = pageSize;
        this.initialHistory = initialHistory;
    }

    /** Fresh loads of {@code statedPositions}' conversations (id → the lastSeq the server named). */
    Result fresh(Map<String, Long> statedPositions) {
        Map<String, ConversationSummary> summaries = rest.summaries(statedPositions.keySet());
        List<LoadedConversation> loaded = new ArrayList<>();
        Set<String> gone = new HashSet<>(statedPositions.keySet());
        gone.removeAll(summaries.keySet());
        for (ConversationSummary summary : summaries.values()) {
            String id = summary.conversation().id();
            try {
                List<MemberProfile> members = rest.members(id);
                List<Message> messages = initialHistory == 0 ? List.of()
                        : rest.history(id, HistoryQuery.newest(initialHistory)).items();
                loaded.add(new LoadedConversation(summary, members, messages,
                        Math.max(statedPositions.get(id), summary.conversation().lastSeq()), true));
            } catch (ParleyApiException e) {
                if (!isGone(e)) throw e;
                gone.add(id);
            }
        }
        return new Result(loaded, gone);
    }

    /** A backfill of one conversation: every message after {@code afterSeq}; the server named {@code statedPosition}. */
    Result backfill(String conversationId, long afterSeq, long statedPosition) {
        ConversationSummary summary = rest.summaries(Set.of(conversationId)).get(conversationId);
        if (summary == null) return new Result(List.of(), Set.of(conversationId));
        try {
            List<MemberProfile> members = rest.members(conversationId);
            List<Message> messages = pages(conversationId, null, afterSeq);
            List<Message> replies = new ArrayList<>();
            for (Message m : messages) {
                if (m.thread() != null && m.thread().replyCount() > 0) replies.addAll(pages(conversationId, m.id(), afterSeq));
            }
            messages.addAll(replies);
            return new Result(List.of(new LoadedConversation(summary, members, messages,
                    Math.max(statedPosition, summary.conversation().lastSeq()), false)), Set.of());
        } catch (ParleyApiException e) {
            if (!isGone(e)) throw e;
            return new Result(List.of(), Set.of(conversationId));
        }
    }

    private List<Message> pages(String conversationId, String threadRootId, long afterSeq) {
        List<Message> all = new ArrayList<>();
        long after = afterSeq;
        while (true) {
            HistoryQuery query = HistoryQuery.after(after, pageSize).withThread(threadRootId);
            MessagePage page = rest.history(conversationId, query);
            all.addAll(page.items());
            if (!page.hasNewer() || page.items().isEmpty()) return all;
            after = page.items().getLast().seq();
        }
    }

    private static boolean isGone(ParleyApiException e) {
        return e.status() == 404 || e.status() == 403;
    }
}
