package dev.parley.client.realtime;

import dev.parley.client.ParleyApiException;
import dev.parley.client.model.ConversationSummary;
import dev.parley.client.model.HistoryQuery;
import dev.parley.client.model.MemberProfile;
import dev.parley.client.model.Message;
import dev.parley.client.model.MessagePage;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory REST side: summaries, members and message history per conversation; records every call. */
final class FakeRest implements RestAccess {
    private final Map<String, ConversationSummary> summaries = new ConcurrentHashMap<>();
    private final Map<String, List<Message>> messages = new ConcurrentHashMap<>();
    private final Map<String, List<MemberProfile>> members = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    final AtomicInteger failures = new AtomicInteger();
    /** While set, summary reads wait for it: a load in progress. */
    volatile java.util.concurrent.CountDownLatch gate;

    void conversation(ConversationSummary summary, Message... history) {
        summaries.put(summary.conversation().id(), summary);
        messages.put(summary.conversation().id(), new CopyOnWriteArrayList<>(List.of(history)));
        members.put(summary.conversation().id(), List.of());
    }

    /** Adds messages to a conversation's history. */
    void add(String conversationId, Message... more) {
        messages.get(conversationId).addAll(List.of(more));
    }

    /** Replaces a conversation's summary (its counts and lastSeq moved on). */
    void summary(ConversationSummary summary) {
        summaries.put(summary.conversation().id(), summary);
    }

    void remove(String conversationId) {
        summaries.remove(conversationId);
    }

    @Override
    public Map<String, ConversationSummary> summaries(Set<String> conversationIds) {
        calls.add("summaries " + new java.util.TreeSet<>(conversationIds));
        java.util.concurrent.CountDownLatch wait = gate;
        if (wait != null) {
            try {
                wait.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        failIfAsked();
        Map<String, ConversationSummary> found = new HashMap<>();
        for (String id : conversationIds) if (summaries.containsKey(id)) found.put(id, summaries.get(id));
        return found;
    }

    @Override
    public List<MemberProfile> members(String conversationId) {
        calls.add("members " + conversationId);
        return list(members, conversationId);
    }

    @Override
    public MessagePage history(String conversationId, HistoryQuery q) {
        calls.add("history " + conversationId + (q.after() != null ? " after=" + q.after() : "")
                + (q.thread() != null ? " thread=" + q.thread() : "") + " limit=" + q.limit());
        failIfAsked();
        List<Message> all = list(messages, conversationId).stream()
                .filter(m -> q.thread() == null ? m.threadRootId() == null : q.thread().equals(m.threadRootId()))
                .sorted(java.util.Comparator.comparingLong(Message::seq)).toList();
        int limit = q.limit() == null ? 50 : q.limit();
        List<Message> page;
        if (q.after() != null) {
            page = all.stream().filter(m -> m.seq() > q.after()).limit(limit).toList();
        } else {
            page = all.subList(Math.max(0, all.size() - limit), all.size());
        }
        boolean hasNewer = !page.isEmpty() && all.getLast().seq() > page.getLast().seq();
        boolean hasOlder = !page.isEmpty() && all.getFirst().seq() < page.getFirst().seq();
        return new MessagePage(new ArrayList<>(page), hasOlder, hasNewer);
    }

    private <T> List<T> list(Map<String, List<T>> map, String id) {
        if (!summaries.containsKey(id)) throw new ParleyApiException(404, "not_found", "Conversation not found", List.of(), null);
        return map.getOrDefault(id, List.of());
    }

    private void failIfAsked() {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new UncheckedIOException(new java.io.IOException("the REST server is unreachable"));
        }
    }
}
