package dev.parley.e2e.realtime;

import static dev.parley.e2e.realtime.Socket.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.e2e.realtime.People.Account;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A client that keeps going through dropped connections and server restarts: it reconnects with
 * jittered backoff, resumes from the last seq it holds per conversation, and works through a
 * seeded list of actions (sends and read-marker moves), retrying each until the server answers.
 * It checks the stream as it applies it: every persisted event must be the next seq of its
 * conversation — a repeat or a gap is recorded as a violation.
 */
final class ChaosClient implements ChaosParticipant {
    private static final Set<String> RETRYABLE = Set.of("unavailable", "internal");

    private final String name;
    private final Account account;
    private final RealtimeServer server;
    private final Random random;
    private final ScheduledExecutorService timer;
    private final ExecutorService work;
    private final List<Action> actions;
    private final Object lock = new Object();
    private final Map<String, Long> lastSeq = new HashMap<>();
    private final Map<String, TreeMap<Long, Held>> messages = new HashMap<>();
    private final Map<String, Long> readSeq = new HashMap<>();
    private final Map<String, String> acked = new HashMap<>();
    private final List<String> violations = new ArrayList<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private Socket socket;
    private int generation;
    private boolean live;
    private boolean stopped;
    private int attempt;
    private int next;
    private boolean waiting = true;
    private int connects;

    ChaosClient(String name, Account account, RealtimeServer server, Map<String, Long> start, List<Action> actions,
                long seed, ScheduledExecutorService timer, ExecutorService work) {
        this.name = name;
        this.account = account;
        this.server = server;
        this.actions = actions;
        this.random = new Random(seed);
        this.timer = timer;
        this.work = work;
        start.forEach((id, seq) -> {
            lastSeq.put(id, seq);
            messages.put(id, new TreeMap<>());
            readSeq.put(id, 0L);
        });
    }

    /** A message as this client holds it. */
    record Held(String id, String senderId) {
    }

    @Override
    public Account account() {
        return account;
    }

    @Override
    public void start() {
        work.execute(this::connect);
    }

    /** Completes when every action was answered. */
    @Override
    public CompletableFuture<Void> done() {
        return done;
    }

    /** Drops the connection as a lost network would; false if none is open. */
    boolean drop() {
        Socket current;
        synchronized (lock) {
            current = live ? socket : null;
        }
        if (current == null) return false;
        current.abort();
        return true;
    }

    boolean isLive() {
        synchronized (lock) {
            return live;
        }
    }

    /** Closes for good. */
    @Override
    public void stop() {
        Socket current;
        synchronized (lock) {
            stopped = true;
            current = socket;
        }
        if (current != null) current.close();
    }

    /** The conversations this client follows. */
    @Override
    public List<String> conversationIds() {
        synchronized (lock) {
            return List.copyOf(lastSeq.keySet());
        }
    }

    @Override
    public long lastSeq(String conversationId) {
        synchronized (lock) {
            return lastSeq.get(conversationId);
        }
    }

    /** The ids of the messages held, in seq order. */
    @Override
    public List<String> messageIds(String conversationId) {
        synchronized (lock) {
            return messages.get(conversationId).values().stream().map(Held::id).toList();
        }
    }

    /** Messages by others above my read marker, as this client knows them. */
    @Override
    public long unread(String conversationId) {
        synchronized (lock) {
            long read = readSeq.get(conversationId);
            return messages.get(conversationId).tailMap(read, false).values().stream()
                    .filter(m -> !account.id().equals(m.senderId())).count();
        }
    }

    /** clientMessageId → message id of every acknowledged send. */
    @Override
    public Map<String, String> acked() {
        synchronized (lock) {
            return Map.copyOf(acked);
        }
    }

    @Override
    public List<String> violations() {
        synchronized (lock) {
            return List.copyOf(violations);
        }
    }

    int connects() {
        synchronized (lock) {
            return connects;
        }
    }

    /** Where the client is, for failure messages. */
    @Override
    public String describe() {
        synchronized (lock) {
            return name + "{action " + next + "/" + actions.size() + ", live " + live + ", waiting " + waiting
                    + ", connects " + connects + ", attempt " + attempt + ", generation " + generation + "}";
        }
    }

    private void connect() {
        int gen;
        Map<String, Long> positions;
        synchronized (lock) {
            if (stopped) return;
            gen = ++generation;
            live = false;
            positions = new HashMap<>(lastSeq);
        }
        Socket s;
        try {
            s = Socket.connect(server.socketUri(), account.token(), name + "#" + gen, frame -> onFrame(gen, frame));
        } catch (RuntimeException e) {
            reconnectLater(gen);
            return;
        }
        synchronized (lock) {
            if (gen != generation || stopped) {
                s.abort();
                return;
            }
            socket = s;
            connects++;
        }
        s.closeCode().whenComplete((code, error) -> reconnectLater(gen));
        JsonNode reply;
        try {
            reply = s.send("resume", data("conversations", positions)).get(Socket.REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            s.abort();
            return;
        }
        if (!reply.path("type").asText().equals("ok")) {
            s.abort();
            return;
        }
        JsonNode result = reply.path("result");
        boolean resumeWanted;
        synchronized (lock) {
            for (String list : List.of("tooFarBehind", "unknown", "removed")) {
                if (!result.path(list).isEmpty()) violations.add(name + ": resume answered " + list + " " + result.path(list));
            }
            resumeWanted = gen == generation && !stopped;
            if (resumeWanted) {
                live = true;
                attempt = 0;
            }
            if (!resumeWanted || !waiting) return;
            waiting = false;
        }
        work.execute(this::runNext);
    }

    private void reconnectLater(int gen) {
        long delay;
        synchronized (lock) {
            if (gen != generation || stopped) return;
            generation++;
            live = false;
            socket = null;
            attempt++;
            long ceiling = Math.min(800, 25L << Math.min(attempt, 6));
            delay = ceiling / 2 + random.nextLong(ceiling / 2 + 1);
        }
        timer.schedule(() -> work.execute(this::connect), delay, TimeUnit.MILLISECONDS);
    }

    private void onFrame(int gen, JsonNode frame) {
        synchronized (lock) {
            if (gen != generation || !frame.path("type").asText().equals("event")) return;
            JsonNode data = frame.path("data");
            if (frame.has("seq")) {
                String conversation = frame.path("conversationId").asText();
                Long last = lastSeq.get(conversation);
                long seq = frame.path("seq").asLong();
                if (last == null) {
                    violations.add(name + ": event of a conversation not mine: " + frame);
                } else if (seq <= last) {
                    violations.add(name + ": repeated " + conversation + "#" + seq + " (held up to " + last + ")");
                } else if (seq > last + 1) {
                    violations.add(name + ": gap in " + conversation + ": " + seq + " after " + last);
                } else {
                    if (frame.path("event").asText().equals("message.created")) {
                        JsonNode message = data.path("message");
                        messages.get(conversation).put(seq, new Held(message.path("id").asText(),
                                message.path("senderId").asText()));
                        // A message moves its sender's markers to it.
                        if (account.id().equals(message.path("senderId").asText())) readSeq.merge(conversation, seq, Math::max);
                    }
                    lastSeq.put(conversation, seq);
                }
            } else if (frame.path("event").asText().equals("receipt") && data.path("userId").asText().equals(account.id())) {
                readSeq.merge(data.path("conversationId").asText(), data.path("readSeq").asLong(), Math::max);
            }
        }
    }

    private void runNext() {
        Socket s;
        Action action;
        int gen;
        Long readUpTo = null;
        synchronized (lock) {
            if (next == actions.size()) {
                done.complete(null);
                return;
            }
            if (!live) {
                waiting = true;
                return;
            }
            s = socket;
            gen = generation;
            action = actions.get(next);
            if (!action.isSend()) readUpTo = lastSeq.get(action.conversationId());
        }
        CompletableFuture<JsonNode> reply = action.isSend()
                ? s.send("message.send", data("conversationId", action.conversationId(),
                        "clientMessageId", action.clientMessageId(), "text", "From " + name + ": " + action.clientMessageId()))
                : s.send("read", data("conversationId", action.conversationId(), "seq", readUpTo));
        reply.whenCompleteAsync((frame, error) -> answered(action, gen, frame), work);
    }

    private void answered(Action action, int gen, JsonNode frame) {
        if (frame != null && frame.path("type").asText().equals("ok")) {
            JsonNode result = frame.path("result");
            long delay;
            synchronized (lock) {
                if (action.isSend()) {
                    JsonNode message = result.path("message");
                    String previous = acked.putIfAbsent(action.clientMessageId(), message.path("id").asText());
                    if (previous != null && !previous.equals(message.path("id").asText())) {
                        violations.add(name + ": a retry of " + action.clientMessageId() + " made a second message");
                    }
                    readSeq.merge(action.conversationId(), message.path("seq").asLong(), Math::max);
                } else {
                    readSeq.merge(action.conversationId(), result.path("readSeq").asLong(), Math::max);
                }
                next++;
                delay = 10 + random.nextInt(80);
            }
            timer.schedule(() -> work.execute(this::runNext), delay, TimeUnit.MILLISECONDS);
            return;
        }
        if (frame != null && !RETRYABLE.contains(frame.path("error").path("code").asText())) {
            synchronized (lock) {
                violations.add(name + ": " + action + " refused: " + frame);
                next++;
            }
            work.execute(this::runNext);
            return;
        }
        Socket broken = null;
        synchronized (lock) {
            if (live && generation == gen && frame == null) {
                waiting = true;
                broken = socket;
            }
        }
        if (broken != null) {
            broken.abort();
            return;
        }
        timer.schedule(() -> work.execute(this::runNext), 50, TimeUnit.MILLISECONDS);
    }
}
