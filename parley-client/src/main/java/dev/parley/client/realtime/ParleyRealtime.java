package dev.parley.client.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.client.ParleyClient;
import dev.parley.client.model.Message;
import dev.parley.client.model.MessagePage;
import dev.parley.client.model.NewMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The real-time client of a Parley server: one WebSocket ({@code /ws}, docs/protocol.md) that
 * keeps a local {@link ChatStore} in step with the server and carries requests.
 *
 * <ul>
 *   <li><b>Connection.</b> {@link #connect()} opens the socket, authenticates with the REST client's
 *   access token, renews it before it expires, and reconnects by itself with exponential backoff
 *   and full jitter as the close code says ({@link CloseAction}); {@link #close()} ends it.</li>
 *   <li><b>Nothing lost, nothing twice.</b> Per conversation the client keeps the last {@code seq}
 *   it applied and resumes from there on every connection. Events are identified by
 *   {@code (conversationId, seq)}: repeats are dropped, a gap is filled (resume, or REST backfill
 *   when too far behind) before anything after it is applied. Conversations joined while away are
 *   loaded through REST; those I left are dropped.</li>
 *   <li><b>Outbox.</b> {@link #send} gives a message a client message id, keeps it in the
 *   {@link Outbox} and resends it with the same id after every reconnect until the server
 *   acknowledged it, so it is created exactly once.</li>
 *   <li><b>Events.</b> {@link #on} subscribes a handler to a {@link RealtimeEvent} type.</li>
 *   <li><b>Receipts.</b> What arrives is acknowledged with {@code delivered}, batched.</li>
 * </ul>
 *
 * <p><b>Threads.</b> Each client has one event thread. The store changes only there, handlers run
 * there one at a time in the order of the changes, and the futures of requests complete there.
 * Handlers and future continuations must therefore not block (never {@code join()} a request
 * inside a handler); hand long work to another executor. Every public method is thread-safe and
 * returns at once.
 *
 * <pre>{@code
 * ParleyClient ada = ParleyClient.builder("http://localhost:8080").build();
 * ada.auth().login("ada", "correct-horse-battery");
 * try (ParleyRealtime live = ParleyRealtime.builder(ada).build()) {
 *     live.on(ConversationEvent.MessageCreated.class, e -> System.out.println(e.message().text()));
 *     live.connect().get(10, TimeUnit.SECONDS);
 *     live.send(conversationId, "Hello").get(10, TimeUnit.SECONDS);
 * }
 * }</pre>
 */
public final class ParleyRealtime implements AutoCloseable {
    private static final Pattern CLIENT_MESSAGE_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private final RealtimeSettings settings;
    private final EventLoop loop;
    private final ExecutorService background;
    private final Listeners listeners = new Listeners();
    private final ChatStore store = new ChatStore();
    private final Outbox outbox;
    private final Requests requests;
    private final OutboxSender sender;
    private final Session session;

    ParleyRealtime(RealtimeSettings settings, Wire.Connector connector, TokenSource tokens, RestAccess rest, Outbox outbox,
                   Runnable release) {
        this.settings = settings;
        this.outbox = outbox;
        this.loop = new EventLoop(settings.name());
        this.background = Executors.newVirtualThreadPerTaskExecutor();
        this.requests = new Requests(loop);
        DeliveredAcks delivered = new DeliveredAcks(loop, requests, settings.deliveredInterval(), settings.requestTimeout());
        this.sender = new OutboxSender(outbox, requests, loop, listeners, settings.backoff(), settings.random(),
                settings.requestTimeout());
        Sync sync = new Sync(store, listeners, delivered,
                new ConversationLoader(rest, settings.historyPageSize(), settings.initialHistory()),
                background, loop, settings.backoff(), settings.random());
        this.session = new Session(settings, connector, tokens, loop, background, requests, sync, sender, delivered,
                listeners, store, release);
    }

    /** A builder for a client that uses {@code rest}'s server and credentials. */
    public static ParleyRealtimeBuilder builder(ParleyClient rest) {
        return new ParleyRealtimeBuilder(rest, rest == null ? null : rest.baseUrl());
    }

    /**
     * Goes online. The future completes when the client is first {@link ConnectionState#LIVE}:
     * resumed, and every conversation the server reported loaded (the store is complete). It fails
     * only if the client stops for good (a {@code 44xx} close, no token); while the server cannot be
     * reached it keeps trying, so put a timeout on it. Calling it again returns the same future.
     */
    public CompletableFuture<Void> connect() {
        CompletableFuture<Void> result = new CompletableFuture<>();
        if (!loop.execute(() -> session.start().whenComplete(relay(result)))) result.completeExceptionally(closed(null));
        return result;
    }

    /** Closes the socket with {@code 1000} and stops; pending requests fail with {@link RequestFailedException#CLOSED}. Idempotent. */
    @Override
    public void close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!loop.execute(() -> session.shutdown().whenComplete((ok, error) -> done.complete(null)))) return;
        if (loop.inLoop()) return;
        try {
            done.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // closing is best effort
        }
    }

    public ConnectionState state() {
        return session.state();
    }

    /** The local picture of conversations, messages, typing, presence and receipts. */
    public ChatStore store() {
        return store;
    }

    /** My user id, known once the socket authenticated. */
    public String userId() {
        return store.userId();
    }

    /** The messages not acknowledged yet, oldest first. */
    public List<OutboxEntry> outbox() {
        return outbox.entries();
    }

    /**
     * Calls {@code handler} on the event thread for every event of {@code type} (a record such as
     * {@link ConversationEvent.MessageCreated}, or a family such as {@link ConversationEvent}), after
     * the store applied it. Close the subscription to stop.
     */
    public <E extends RealtimeEvent> Subscription on(Class<E> type, Consumer<? super E> handler) {
        return listeners.add(type, handler);
    }

    // ---- messages ----

    /** Sends a text message through the outbox; the future completes with the message when the server acknowledged it. */
    public CompletableFuture<Message> send(String conversationId, String text) {
        return send(conversationId, NewMessage.text(null, text));
    }

    /**
     * Sends a message through the outbox. A null client message id is replaced with a new one;
     * a given one must be 1–64 of {@code A-Z a-z 0-9 _ . : -}. The message is resent with the same
     * id after reconnects until the server acknowledges it (the future completes, also for a
     * repeat of an earlier send) or refuses it for good (the future fails with the server's error).
     * The message is in the outbox when this returns.
     *
     * @throws java.io.UncheckedIOException if a file outbox cannot be written (nothing is sent)
     */
    public CompletableFuture<Message> send(String conversationId, NewMessage message) {
        requireId(conversationId, "conversationId");
        if (message == null) throw new IllegalArgumentException("message is required");
        NewMessage withId = message.clientMessageId() != null ? message : new NewMessage(settings.clientMessageIds().get(),
                message.type(), message.text(), message.codeLanguage(), message.attachments(), message.replyToId(),
                message.threadRootId(), message.mentions(), message.mentionAll());
        if (!CLIENT_MESSAGE_ID.matcher(withId.clientMessageId()).matches()) {
            throw new IllegalArgumentException("clientMessageId must be 1-64 of A-Z a-z 0-9 _ . : -");
        }
        OutboxEntry entry = new OutboxEntry(conversationId, withId, settings.clock().instant());
        CompletableFuture<Message> result = new CompletableFuture<>();
        if (session.state() == ConnectionState.CLOSED) {
            result.completeExceptionally(closed("message.send"));
            return result;
        }
        outbox.add(entry); // durable before send returns; a repeated id keeps the first entry
        if (!loop.execute(() -> sender.track(entry).whenComplete(relay(result)))) {
            result.completeExceptionally(closed("message.send"));
        }
        return result;
    }

    /** Replaces my message's text (mentions cleared). */
    public CompletableFuture<Message> edit(String messageId, String text) {
        return edit(messageId, text, List.of(), false);
    }

    public CompletableFuture<Message> edit(String messageId, String text, List<String> mentions, boolean mentionAll) {
        ObjectNode data = data("messageId", requireId(messageId, "messageId")).put("text", text).put("mentionAll", mentionAll);
        data.set("mentions", RealtimeJson.MAPPER.valueToTree(mentions == null ? List.of() : mentions));
        return call("message.edit", data, r -> RealtimeJson.read(r.path("message"), Message.class));
    }

    /** Deletes a message; the result is its tombstone. */
    public CompletableFuture<Message> delete(String messageId) {
        return call("message.delete", data("messageId", requireId(messageId, "messageId")),
                r -> RealtimeJson.read(r.path("message"), Message.class));
    }

    /** Copies a message into another conversation (idempotent per the new client message id it is given). */
    public CompletableFuture<Message> forward(String messageId, String targetConversationId) {
        ObjectNode data = data("messageId", requireId(messageId, "messageId"))
                .put("conversationId", requireId(targetConversationId, "targetConversationId"))
                .put("clientMessageId", settings.clientMessageIds().get());
        return call("message.forward", data, r -> RealtimeJson.read(r.path("message"), Message.class));
    }

    public CompletableFuture<Void> react(String messageId, String emoji) {
        return call("reaction.add", data("messageId", requireId(messageId, "messageId")).put("emoji", emoji), r -> null);
    }

    public CompletableFuture<Void> unreact(String messageId, String emoji) {
        return call("reaction.remove", data("messageId", requireId(messageId, "messageId")).put("emoji", emoji), r -> null);
    }

    public CompletableFuture<Void> pin(String messageId) {
        return call("message.pin", data("messageId", requireId(messageId, "messageId")), r -> null);
    }

    public CompletableFuture<Void> unpin(String messageId) {
        return call("message.unpin", data("messageId", requireId(messageId, "messageId")), r -> null);
    }

    /** One page of history over the socket (at most one of {@code before} and {@code after}; nulls leave them out). */
    public CompletableFuture<MessagePage> history(String conversationId, Long before, Long after, Integer limit) {
        ObjectNode data = data("conversationId", requireId(conversationId, "conversationId"));
        if (before != null) data.put("before", before);
        if (after != null) data.put("after", after);
        if (limit != null) data.put("limit", limit);
        return call("history", data, r -> RealtimeJson.read(r, MessagePage.class));
    }

    // ---- markers ----

    /** Marks everything read; the result is my read marker. The store's counts follow at once. */
    public CompletableFuture<Long> markRead(String conversationId) {
        return read(data("conversationId", requireId(conversationId, "conversationId")), conversationId);
    }

    /** Marks read up to {@code seq}; the result is my read marker. */
    public CompletableFuture<Long> markRead(String conversationId, long seq) {
        return read(data("conversationId", requireId(conversationId, "conversationId")).put("seq", seq), conversationId);
    }

    /** Marks delivered up to {@code seq} (the client does this by itself unless turned off). */
    public CompletableFuture<Long> markDelivered(String conversationId, long seq) {
        return call("delivered", data("conversationId", requireId(conversationId, "conversationId")).put("seq", seq),
                r -> r.path("deliveredSeq").asLong());
    }

    private CompletableFuture<Long> read(ObjectNode data, String conversationId) {
        return call("read", data, r -> {
            long readSeq = r.path("readSeq").asLong();
            store.read(conversationId, readSeq);
            return readSeq;
        });
    }

    // ---- typing and presence ----

    /** Starts receiving typing events of a conversation; the result is who types now (also put in the store). */
    public CompletableFuture<Set<String>> focus(String conversationId) {
        return call("focus", data("conversationId", requireId(conversationId, "conversationId")), r -> {
            Set<String> typers = Set.copyOf(EventParser.strings(r.path("typing")));
            store.typing(conversationId, typers);
            return typers;
        });
    }

    /** Stops receiving typing events of a conversation; the store forgets its typers. */
    public CompletableFuture<Void> blur(String conversationId) {
        return call("blur", data("conversationId", requireId(conversationId, "conversationId")), r -> {
            store.typing(conversationId, Set.of());
            return null;
        });
    }

    /** Tells the members I am typing (repeat at most every 3 seconds while typing). */
    public CompletableFuture<Void> startTyping(String conversationId) {
        return call("typing.start", data("conversationId", requireId(conversationId, "conversationId")), r -> null);
    }

    public CompletableFuture<Void> stopTyping(String conversationId) {
        return call("typing.stop", data("conversationId", requireId(conversationId, "conversationId")), r -> null);
    }

    /** Sets my presence; {@code statusText} and {@code statusExpiresAt} may be null. */
    public CompletableFuture<Presence> setPresence(Presence.Status status, String statusText, Instant statusExpiresAt) {
        if (status == null || status == Presence.Status.UNKNOWN || status == Presence.Status.OFFLINE) {
            throw new IllegalArgumentException("status must be ONLINE, AWAY or DND");
        }
        ObjectNode data = RealtimeJson.MAPPER.createObjectNode().put("status", status.wireName());
        if (statusText != null) data.put("statusText", statusText);
        if (statusExpiresAt != null) data.put("statusExpiresAt", statusExpiresAt.toString());
        return call("presence.set", data, r -> {
            Presence presence = RealtimeJson.read(r.path("presence"), Presence.class);
            store.presence(presence);
            return presence;
        });
    }

    /** The presence of up to 100 users (those who share a conversation with me); also put in the store. */
    public CompletableFuture<List<Presence>> presence(Collection<String> userIds) {
        if (userIds == null || userIds.isEmpty() || userIds.size() > 100) {
            throw new IllegalArgumentException("name 1 to 100 user ids");
        }
        ObjectNode data = RealtimeJson.MAPPER.createObjectNode();
        data.set("userIds", RealtimeJson.MAPPER.valueToTree(List.copyOf(userIds)));
        return call("presence.get", data, r -> {
            List<Presence> items = new ArrayList<>();
            for (JsonNode item : r.path("items")) items.add(RealtimeJson.read(item, Presence.class));
            items.forEach(store::presence);
            return List.copyOf(items);
        });
    }

    /** The server's time. */
    public CompletableFuture<Instant> ping() {
        return call("ping", null, r -> RealtimeJson.instant(r.path("at")));
    }

    /**
     * Any request of docs/protocol.md: {@code op} and its {@code data} (may be null); the result is
     * the reply's {@code result}. Waits for the socket if it is not ready, up to the request timeout.
     */
    public CompletableFuture<JsonNode> request(String op, ObjectNode data) {
        if (op == null || op.isBlank()) throw new IllegalArgumentException("op is required");
        return call(op, data, Function.identity());
    }

    // ---- plumbing ----

    private <T> CompletableFuture<T> call(String op, ObjectNode data, Function<JsonNode, T> reading) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Duration timeout = settings.requestTimeout();
        if (!loop.execute(() -> {
            if (session.state() == ConnectionState.CLOSED) {
                result.completeExceptionally(closed(op));
                return;
            }
            requests.queued(op, data, timeout).whenComplete((reply, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                    return;
                }
                try {
                    result.complete(reading.apply(reply));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        })) {
            result.completeExceptionally(closed(op));
        }
        return result;
    }

    private static <T> java.util.function.BiConsumer<T, Throwable> relay(CompletableFuture<T> target) {
        return (value, error) -> {
            if (error != null) target.completeExceptionally(error);
            else target.complete(value);
        };
    }

    private static RequestFailedException closed(String op) {
        return RequestFailedException.of(op, RequestFailedException.CLOSED, "the client is closed");
    }

    private static ObjectNode data(String field, String value) {
        return RealtimeJson.MAPPER.createObjectNode().put(field, value);
    }

    private static String requireId(String value, String name) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(name + " is required");
        return value;
    }
}
