package dev.parley.client.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.client.model.Member;
import dev.parley.client.realtime.ClientEvent.LoadReason;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.random.RandomGenerator;

/**
 * Keeps the {@link ChatStore} in step with the server: applies each persisted event exactly once
 * in {@code seq} order per conversation (through an {@link EventSequence} each), asks for a resume
 * of one conversation when a gap shows, acts on the lists of a resume reply (backfills
 * conversations too far behind, loads unknown ones, drops removed ones) and loads conversations it
 * meets for the first time. Loads run on a background thread while the conversation's events wait;
 * a failed load is retried with backoff. Handlers hear each change after the store applied it.
 *
 * <p>Not thread-safe: used on the event thread only.
 */
final class Sync {
    private static final System.Logger LOG = System.getLogger(Sync.class.getName());

    /** What the synchroniser needs from the connection. */
    interface Link {
        /** True while requests can go out (the socket resumed). */
        boolean ready();

        /** Sends a {@code resume} for these positions on the current socket. */
        CompletableFuture<JsonNode> resume(Map<String, Long> positions);

        /** Drops the socket and reconnects now: the new resume sets things right. */
        void resync(String why);

        /** Every load that was running has finished. */
        void loadsSettled();
    }

    /** One load: fresh ({@code afterSeq} null) or a backfill of one conversation. */
    private record Job(long token, Map<String, Long> stated, LoadReason reason, Long afterSeq, int attempt) {
        Job retry() {
            return new Job(token, stated, reason, afterSeq, attempt + 1);
        }
    }

    private final ChatStore store;
    private final Listeners listeners;
    private final DeliveredAcks delivered;
    private final ConversationLoader loader;
    private final ExecutorService background;
    private final EventLoop loop;
    private final Backoff backoff;
    private final RandomGenerator random;
    private Link link;
    private final Map<String, EventSequence> sequences = new LinkedHashMap<>();
    private final Map<String, Long> loadOf = new HashMap<>();
    private final Set<Long> running = new HashSet<>();
    private final Set<String> gapResumes = new HashSet<>();
    private long nextToken;
    private boolean closed;

    Sync(ChatStore store, Listeners listeners, DeliveredAcks delivered, ConversationLoader loader,
         ExecutorService background, EventLoop loop, Backoff backoff, RandomGenerator random) {
        this.store = store;
        this.listeners = listeners;
        this.delivered = delivered;
        this.loader = loader;
        this.background = background;
        this.loop = loop;
        this.backoff = backoff;
        this.random = random;
    }

    void link(Link value) {
        this.link = value;
    }

    /** Per conversation the last seq held: what a resume names. */
    Map<String, Long> positions() {
        Map<String, Long> positions = new LinkedHashMap<>();
        sequences.forEach((id, seq) -> positions.put(id, seq.position()));
        return positions;
    }

    /** True while a load runs or waits for a retry. */
    boolean loading() {
        return !running.isEmpty();
    }

    /** Acts on a resume reply: {@code tooFarBehind}, {@code unknown} and {@code removed}. */
    void resumed(JsonNode result) {
        for (JsonNode behind : result.path("tooFarBehind")) {
            backfill(behind.path("conversationId").asText(), behind.path("lastSeq").asLong());
        }
        Map<String, Long> unknown = new LinkedHashMap<>();
        for (JsonNode u : result.path("unknown")) {
            String id = u.path("conversationId").asText();
            if (!sequences.containsKey(id)) unknown.put(id, u.path("lastSeq").asLong());
        }
        if (!unknown.isEmpty()) load(unknown, LoadReason.UNKNOWN);
        for (JsonNode removed : result.path("removed")) drop(removed.asText());
    }

    /** A persisted event arrived. */
    void event(ConversationEvent event) {
        String id = event.conversationId();
        EventSequence sequence = sequences.get(id);
        if (sequence == null) {
            if (event.seq() == 1) {
                sequence = new EventSequence(0);
                sequences.put(id, sequence);
            } else {
                // a conversation not known yet (added while the socket was open): load it, the event waits
                load(Map.of(id, event.seq() - 1), LoadReason.AVAILABLE);
                sequence = sequences.get(id);
            }
        }
        for (ConversationEvent due : sequence.offer(event)) {
            if (sequences.get(id) != sequence) break;
            apply(due);
        }
        checkGap(id);
    }

    /** An ephemeral event arrived. */
    void live(LiveEvent event) {
        switch (event) {
            case LiveEvent.ConversationAvailable a -> {
                if (!sequences.containsKey(a.conversationId())) load(Map.of(a.conversationId(), a.lastSeq()), LoadReason.AVAILABLE);
            }
            case LiveEvent.ReceiptChanged r -> {
                store.apply(event);
                if (r.receipt().userId() != null && r.receipt().userId().equals(store.userId())) {
                    delivered.known(r.receipt().conversationId(), r.receipt().deliveredSeq());
                }
            }
            default -> store.apply(event);
        }
        listeners.dispatch(event);
    }

    /** After a resume: asks to fill every gap that shows. */
    void checkGaps() {
        for (String id : Set.copyOf(sequences.keySet())) checkGap(id);
    }

    /** The socket is gone: running gap resumes are void (the next resume covers them). */
    void connectionLost() {
        gapResumes.clear();
    }

    void close() {
        closed = true;
    }

    private void apply(ConversationEvent event) {
        store.apply(event);
        if (event instanceof ConversationEvent.MessageCreated created && created.message().senderId() != null
                && created.message().senderId().equals(store.userId())) {
            // My own message moved my delivered marker on the server: nothing to acknowledge.
            delivered.known(event.conversationId(), event.seq());
        }
        delivered.received(event.conversationId(), event.seq());
        listeners.dispatch(event);
        if (event instanceof ConversationEvent.MemberRemoved removed && removed.userId() != null
                && removed.userId().equals(store.userId())) {
            drop(event.conversationId());
        }
    }

    private void drop(String id) {
        boolean known = sequences.remove(id) != null | store.contains(id);
        loadOf.remove(id);
        gapResumes.remove(id);
        store.remove(id);
        delivered.forget(id);
        if (known) listeners.dispatch(new ClientEvent.ConversationRemoved(id));
    }

    private void checkGap(String id) {
        EventSequence sequence = sequences.get(id);
        if (sequence == null || !sequence.hasGap() || gapResumes.contains(id) || link == null || !link.ready()) return;
        gapResumes.add(id);
        LOG.log(System.Logger.Level.INFO, "Events of " + id + " after " + sequence.position() + " are missing; resuming it");
        link.resume(Map.of(id, sequence.position())).whenComplete((result, error) -> {
            if (!gapResumes.remove(id)) return; // the socket was lost meanwhile
            if (error != null) {
                link.resync("the resume of " + id + " failed: " + error.getMessage());
                return;
            }
            resumed(result);
            EventSequence now = sequences.get(id);
            if (now != null && now.hasGap()) {
                now.discardWaiting();
                link.resync("the resume of " + id + " did not fill its gap");
            }
        });
    }

    private void load(Map<String, Long> stated, LoadReason reason) {
        long token = ++nextToken;
        stated.forEach((id, lastSeq) -> {
            sequences.computeIfAbsent(id, x -> new EventSequence(lastSeq)).hold();
            loadOf.put(id, token);
        });
        run(new Job(token, Map.copyOf(stated), reason, null, 0));
    }

    private void backfill(String id, long lastSeq) {
        EventSequence sequence = sequences.get(id);
        if (sequence == null || loadOf.containsKey(id)) {
            // not loaded yet: a fresh load replaces whatever a running one would have brought
            load(Map.of(id, lastSeq), LoadReason.TOO_FAR_BEHIND);
            return;
        }
        long oldest = store.oldestSeq(id);
        long after = oldest < 0 ? sequence.position() : Math.min(sequence.position(), oldest - 1);
        long token = ++nextToken;
        sequence.hold();
        loadOf.put(id, token);
        run(new Job(token, Map.of(id, lastSeq), LoadReason.TOO_FAR_BEHIND, after, 0));
    }

    private void run(Job job) {
        running.add(job.token());
        try {
            background.execute(() -> {
                try {
                    ConversationLoader.Result result = job.afterSeq() == null ? loader.fresh(job.stated())
                            : loader.backfill(job.stated().keySet().iterator().next(), job.afterSeq(),
                                    job.stated().values().iterator().next());
                    loop.execute(() -> finished(job, result));
                } catch (RuntimeException e) {
                    loop.execute(() -> failed(job, e));
                }
            });
        } catch (RejectedExecutionException e) {
            running.remove(job.token()); // closed
        }
    }

    private boolean ours(Job job, String id) {
        Long token = loadOf.get(id);
        return token != null && token == job.token();
    }

    private void finished(Job job, ConversationLoader.Result result) {
        running.remove(job.token());
        if (closed) return;
        for (LoadedConversation loaded : result.loaded()) {
            String id = loaded.conversationId();
            EventSequence sequence = sequences.get(id);
            if (!ours(job, id) || sequence == null) continue;
            loadOf.remove(id);
            store.load(loaded);
            Member me = loaded.summary().me();
            if (me != null) delivered.known(id, me.deliveredSeq());
            listeners.dispatch(new ClientEvent.ConversationLoaded(id, job.reason()));
            for (ConversationEvent due : sequence.release(loaded.position())) {
                if (sequences.get(id) != sequence) break;
                apply(due);
            }
            checkGap(id);
        }
        for (String id : result.gone()) {
            if (ours(job, id)) drop(id);
        }
        settled();
    }

    private void failed(Job job, RuntimeException error) {
        running.remove(job.token());
        if (closed) return;
        if (job.stated().keySet().stream().noneMatch(id -> ours(job, id))) {
            settled();
            return;
        }
        Duration wait = backoff.delay(job.attempt(), random);
        LOG.log(System.Logger.Level.WARNING, "Loading " + job.stated().keySet() + " failed (" + error
                + "); retrying in " + wait.toMillis() + " ms");
        running.add(job.token());
        loop.schedule(() -> {
            running.remove(job.token());
            if (!closed) run(job.retry());
        }, wait);
    }

    private void settled() {
        if (running.isEmpty() && link != null) link.loadsSettled();
    }
}
