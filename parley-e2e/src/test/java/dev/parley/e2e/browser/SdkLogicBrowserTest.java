package dev.parley.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SDK's pure parts (store, sequencer, backoff, typing throttle, acks, outbox storage) run in
 * the browser on hand-made events, no socket involved.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(Chromium.Shared.class)
class SdkLogicBrowserTest {
    /** Builds a store holding conversation c1 (lastSeq 2, read up to 2) and helpers to feed it events. */
    private static final String FIXTURE = """
            const { ChatStore } = await import('/sdk/store.js');
            const store = new ChatStore();
            store.setMe('me');
            const conversation = { id: 'c1', kind: 'group', title: 'Team', description: null, avatarUrl: null,
              courseId: null, archived: false, createdBy: 'me', createdAt: '2026-01-01T00:00:00Z',
              lastActivityAt: '2026-01-01T00:00:00Z', lastSeq: 2 };
            const settings = { muted: false, mutedUntil: null, pinned: false, hidden: false };
            store.applySummary({ conversation, me: { conversationId: 'c1', userId: 'me', role: 'owner', joinedAt: '2026-01-01T00:00:00Z',
              readSeq: 2, deliveredSeq: 2, settings }, unreadCount: 0, mentionCount: 0, lastMessage: null,
              lastMessageSenderName: null, directPeer: null });
            const message = (seq, senderId, text, extra = {}) => ({ id: 'm' + seq, conversationId: 'c1', seq, senderId,
              clientMessageId: 'k' + seq, type: 'text', text, codeLanguage: null, attachments: [], replyToId: null,
              threadRootId: null, mentions: [], mentionAll: false, forwardedFrom: null, createdAt: '2026-01-01T00:00:0' + (seq % 10) + 'Z',
              editedAt: null, deletedAt: null, thread: { replyCount: 0, lastReplyAt: null, participantIds: [] },
              reactions: [], pinned: false, delivery: null, ...extra });
            const event = (seq, name, data) => ({ type: 'event', event: name, conversationId: 'c1', seq, at: '2026-01-01T00:01:00Z', data });
            const created = (seq, senderId, text, extra) => store.applyEvent(event(seq, 'message.created', { message: message(seq, senderId, text, extra) }));
            const counts = () => { const c = store.conversation('c1'); return [c.unreadCount, c.mentionCount]; };
            """;

    private static BrowserServer server;
    private final Device device;

    SdkLogicBrowserTest(Chromium chromium) {
        this.device = chromium.newDevice("logic");
    }

    @BeforeAll
    static void startServer() {
        server = BrowserServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void closeDevice() {
        device.close();
    }

    @Test
    void unreadAndMentionCountsFollowTheServersRule() {
        device.open(server);
        Object trace = device.eval("async () => {" + FIXTURE + """
                const trace = [counts()];
                created(3, 'bob', 'one'); trace.push(counts());
                created(4, 'bob', 'hey @me', { mentions: ['me'] }); trace.push(counts());
                created(5, 'me', 'mine'); trace.push(counts());
                created(6, 'bob', 'six'); trace.push(counts());
                created(7, 'carol', 'all of you', { mentionAll: true }); trace.push(counts());
                store.applyEvent(event(8, 'message.edited', { messageId: 'm7', text: 'some of you', mentions: [], mentionAll: false,
                  editedAt: '2026-01-01T00:02:00Z' })); trace.push(counts());
                store.applyEvent(event(9, 'message.deleted', { messageId: 'm6', deletedAt: '2026-01-01T00:03:00Z' })); trace.push(counts());
                created(10, 'bob', 'ten', { mentions: ['me'] }); trace.push(counts());
                store.setMyMarkers('c1', 7); trace.push(counts());
                store.applyTransient({ type: 'event', event: 'unread', data: { conversationId: 'c1', unreadCount: 4, mentionCount: 3 } });
                trace.push(counts());
                store.setMyMarkers('c1', 10); trace.push(counts());
                return { trace, readSeq: store.conversation('c1').readSeq, lastSeq: store.conversation('c1').lastSeq };
                }""");

        assertThat(trace).isEqualTo(Map.of(
                "trace", List.of(List.of(0, 0), List.of(1, 0), List.of(2, 1), List.of(0, 0), List.of(1, 0), List.of(2, 1),
                        List.of(2, 0), List.of(1, 0), List.of(2, 1), List.of(1, 1), List.of(4, 3), List.of(0, 0)),
                "readSeq", 10, "lastSeq", 10));
    }

    @Test
    void aMessageMovesItsSendersMarkersSoMyMessagesShowAsReadWithoutAReceipt() {
        device.open(server);
        Object result = device.eval("async () => {" + FIXTURE + """
                created(3, 'me', 'are you there?');
                const before = store.readers('c1', store.messages('c1').find((m) => m.seq === 3));
                created(4, 'bob', 'yes');
                store.applyTransient({ type: 'event', event: 'receipt', data: { conversationId: 'c1', userId: 'bob', readSeq: 1, deliveredSeq: 1 } });
                const bob = store.receipts('c1').get('bob');
                return { before, after: store.readers('c1', store.messages('c1').find((m) => m.seq === 3)),
                  bob: [bob.readSeq, bob.deliveredSeq], me: store.receipts('c1').get('me').readSeq };
                }""");

        assertThat(result).isEqualTo(Map.of("before", List.of(), "after", List.of("bob"), "bob", List.of(4, 4), "me", 3));
    }

    @Test
    void reactionsPinsEditsAndDeletesApplyOnceEvenOverARestSnapshot() {
        device.open(server);
        Object result = device.eval("async () => {" + FIXTURE + """
                store.applyHistory('c1', { items: [message(2, 'bob', 'hello', {
                  reactions: [{ emoji: '👍', count: 1, me: false, userIds: ['bob'] }] })], hasOlder: false, hasNewer: false });
                const before = store.messages('c1');
                store.applyEvent(event(3, 'reaction.added', { messageId: 'm2', userId: 'bob', emoji: '👍' }));
                const unchanged = store.messages('c1') === before;
                store.applyEvent(event(4, 'reaction.added', { messageId: 'm2', userId: 'me', emoji: '👍' }));
                store.applyEvent(event(5, 'reaction.added', { messageId: 'm2', userId: 'carol', emoji: '🎉' }));
                store.applyEvent(event(6, 'reaction.removed', { messageId: 'm2', userId: 'bob', emoji: '👍' }));
                store.applyEvent(event(7, 'reaction.removed', { messageId: 'm2', userId: 'carol', emoji: '🎉' }));
                store.applyEvent(event(8, 'message.pinned', { messageId: 'm2', userId: 'me' }));
                store.applyEvent(event(9, 'message.edited', { messageId: 'm2', text: 'hello, edited', mentions: [], mentionAll: false,
                  editedAt: '2026-01-01T00:02:00Z' }));
                const edited = store.message('c1', 'm2');
                store.applyEvent(event(10, 'message.deleted', { messageId: 'm2', deletedAt: '2026-01-01T00:03:00Z' }));
                const deleted = store.message('c1', 'm2');
                return { unchanged, reactions: edited.reactions, pinned: edited.pinned, text: edited.text, editedAt: edited.editedAt,
                  deletedText: deleted.text === null, deletedAt: deleted.deletedAt, sameObject: before[0] === store.messages('c1')[0] };
                }""");

        assertThat(result).isEqualTo(Map.of(
                "unchanged", true,
                "reactions", List.of(Map.of("emoji", "👍", "count", 1, "me", true, "userIds", List.of("me"))),
                "pinned", true, "text", "hello, edited", "editedAt", "2026-01-01T00:02:00Z",
                "deletedText", true, "deletedAt", "2026-01-01T00:03:00Z", "sameObject", false));
    }

    @Test
    void pendingMessagesComeAfterConfirmedOnesAndGiveWayToTheirEvent() {
        device.open(server);
        Object result = device.eval("async () => {" + FIXTURE + """
                store.addPending({ clientMessageId: 'k4', conversationId: 'c1', body: { text: 'on its way' }, createdAt: '2026-01-01T00:00:09Z' });
                const pending = store.messages('c1').map((m) => [m.seq ?? 'none', m.text, Boolean(m.pending)]);
                created(3, 'bob', 'from bob');
                const mixed = store.messages('c1').map((m) => [m.seq ?? 'none', m.text, Boolean(m.pending)]);
                created(4, 'me', 'on its way');
                const confirmed = store.messages('c1').map((m) => [m.seq ?? 'none', m.text, Boolean(m.pending)]);
                store.addPending({ clientMessageId: 'k4', conversationId: 'c1', body: { text: 'on its way' }, createdAt: '2026-01-01T00:00:09Z' });
                const notAgain = store.messages('c1').length;
                return { pending, mixed, confirmed, notAgain };
                }""");

        assertThat(result).isEqualTo(Map.of(
                "pending", List.of(List.of("none", "on its way", true)),
                "mixed", List.of(List.of(3, "from bob", false), List.of("none", "on its way", true)),
                "confirmed", List.of(List.of(3, "from bob", false), List.of(4, "on its way", false)),
                "notAgain", 2));
    }

    @Test
    void theSequencerDropsDuplicatesHoldsEventsBehindAGapAndReleasesThemInOrder() {
        device.open(server);
        Object result = device.eval("""
                async () => {
                  const { Sequencer } = await import('/sdk/sequencer.js');
                  const s = new Sequencer();
                  const e = (seq) => ({ type: 'event', event: 'message.created', conversationId: 'c', seq, data: {} });
                  const seqs = (r) => Object.fromEntries(Object.entries({ apply: r.apply.map((x) => x.seq), gap: r.gap,
                    duplicate: r.duplicate, unknown: r.unknown }).filter(([, value]) => value !== undefined));
                  const out = [];
                  out.push(seqs(s.accept(e(5))));
                  out.push(seqs(s.setPosition('c', 4)));
                  out.push(seqs(s.accept(e(6))));
                  out.push(seqs(s.accept(e(6))));
                  out.push(seqs(s.accept(e(9))));
                  out.push(seqs(s.accept(e(8))));
                  out.push(seqs(s.accept(e(9))));
                  out.push(s.hasGap('c'));
                  out.push(seqs(s.accept(e(7))));
                  out.push(s.hasGap('c'));
                  out.push(s.positions());
                  s.markUnknown('c');
                  out.push(seqs(s.accept(e(10))));
                  out.push(seqs(s.accept(e(11))));
                  out.push(seqs(s.setPosition('c', 10)));
                  return out;
                }""");

        assertThat(result).isEqualTo(List.of(
                Map.of("apply", List.of(), "gap", false, "duplicate", false, "unknown", true),
                Map.of("apply", List.of(5), "gap", false),
                Map.of("apply", List.of(6), "gap", false, "duplicate", false, "unknown", false),
                Map.of("apply", List.of(), "gap", false, "duplicate", true, "unknown", false),
                Map.of("apply", List.of(), "gap", true, "duplicate", false, "unknown", false),
                Map.of("apply", List.of(), "gap", true, "duplicate", false, "unknown", false),
                Map.of("apply", List.of(), "gap", false, "duplicate", true, "unknown", false),
                true,
                Map.of("apply", List.of(7, 8, 9), "gap", false, "duplicate", false, "unknown", false),
                false,
                Map.of("c", 9),
                Map.of("apply", List.of(), "gap", false, "duplicate", false, "unknown", true),
                Map.of("apply", List.of(), "gap", false, "duplicate", false, "unknown", true),
                Map.of("apply", List.of(11), "gap", false)));
    }

    @Test
    void closeCodesDecideTheReconnectAndBackoffIsFullJitterUnderACappedExponent() {
        device.open(server);
        Object result = device.eval("""
                async () => {
                  const { closeAction, backoffDelay } = await import('/sdk/backoff.js');
                  const codes = [1000, 1001, 1006, 1009, 1011, 4000, 4001, 4100, 4101, 4401, 4403];
                  const actions = Object.fromEntries(codes.map((c) => [c, closeAction(c)]));
                  const options = { baseMs: 500, maxMs: 30000 };
                  const highest = [0, 1, 2, 3, 6, 7, 40].map((a) => backoffDelay(a, options, () => 0.999999));
                  const lowest = [0, 5, 40].map((a) => backoffDelay(a, options, () => 0));
                  const samples = Array.from({ length: 200 }, () => backoffDelay(3, options));
                  return { actions, highest, lowest, within: samples.every((d) => d >= 0 && d < 4000),
                    spread: new Set(samples.map((d) => Math.floor(d / 1000))).size };
                }""");

        assertThat(result).isEqualTo(Map.of(
                "actions", Map.ofEntries(Map.entry("1000", "stop"), Map.entry("1001", "reconnect"), Map.entry("1006", "reconnect"),
                        Map.entry("1009", "reconnect"), Map.entry("1011", "reconnect"), Map.entry("4000", "reconnect-now"),
                        Map.entry("4001", "reconnect"), Map.entry("4100", "reauth"), Map.entry("4101", "reauth"),
                        Map.entry("4401", "unauthenticated"), Map.entry("4403", "stop")),
                "highest", List.of(499, 999, 1999, 3999, 29999, 29999, 29999),
                "lowest", List.of(0, 0, 0),
                "within", true,
                "spread", 4));
    }

    @Test
    void typingStartGoesOutAtMostEveryThreeSecondsAndStopOnce() {
        device.open(server);
        Object result = device.eval("""
                async () => {
                  const { TypingThrottle } = await import('/sdk/typing.js');
                  let now = 10000;
                  const sent = [];
                  const t = new TypingThrottle({ send: async (op, id) => { sent.push(op + ' ' + id + ' @' + now); }, now: () => now });
                  t.typing('a'); now += 1000; t.typing('a'); t.typing('b'); now += 1999; t.typing('a');
                  now += 1; t.typing('a'); t.stop('a'); t.stop('a'); now += 10; t.typing('a');
                  return sent;
                }""");

        assertThat(result).isEqualTo(List.of("typing.start a @10000", "typing.start b @11000", "typing.start a @13000",
                "typing.stop a @13000", "typing.start a @13010"));
    }

    @Test
    void deliveredAcksAreBatchedPerConversationAndNeverRepeatAPosition() {
        device.open(server);
        Object result = device.eval("""
                async () => {
                  const { DeliveredAcks } = await import('/sdk/acks.js');
                  const sent = [];
                  let offline = false;
                  const acks = new DeliveredAcks({ delayMs: 60000, send: async (id, seq) => {
                    if (offline) { const e = new Error('offline'); e.retryable = true; throw e; }
                    sent.push(id + ':' + seq); return { deliveredSeq: seq }; } });
                  acks.note('a', 3); acks.note('a', 5); acks.note('b', 2); acks.note('a', 4);
                  await acks.flush();
                  await Promise.resolve();
                  acks.note('a', 5); acks.note('a', 4);
                  offline = true; acks.note('b', 7); acks.flush();
                  await new Promise((resolve) => queueMicrotask(resolve));
                  await Promise.resolve();
                  offline = false; acks.flush();
                  await Promise.resolve();
                  acks.cancel();
                  return sent;
                }""");

        assertThat(result).isEqualTo(List.of("a:5", "b:2", "b:7"));
    }

    @Test
    void theOutboxKeepsItsEntriesAcrossOpeningsPerNamespaceInBothStorages() {
        device.open(server);
        Object result = device.eval("""
                async () => {
                  const { Outbox } = await import('/sdk/outbox.js');
                  const out = {};
                  for (const kind of ['indexeddb', 'localstorage']) {
                    const a = await Outbox.open(kind, 'ns-a');
                    await a.add({ clientMessageId: 'x2', conversationId: 'c', body: { text: 'second' }, createdAt: '2026-01-01T00:00:02Z' });
                    await a.add({ clientMessageId: 'x1', conversationId: 'c', body: { text: 'first' }, createdAt: '2026-01-01T00:00:01Z' });
                    const again = await Outbox.open(kind, 'ns-a');
                    const other = await Outbox.open(kind, 'ns-b');
                    const reopened = again.entries().map((e) => e.body.text);
                    await again.remove('x2');
                    const third = await Outbox.open(kind, 'ns-a');
                    out[kind] = { reopened, other: other.size,
                      afterRemove: third.entries().map((e) => e.clientMessageId) };
                    await third.remove('x1');
                  }
                  return out;
                }""");

        Map<String, Object> expected = Map.of("reopened", List.of("first", "second"), "other", 0, "afterRemove", List.of("x1"));
        assertThat(result).isEqualTo(Map.of("indexeddb", expected, "localstorage", expected));
    }
}
