// The local store: conversations with their counters, messages per conversation with every
// change applied, typing sets, presence and receipts. It only reduces what it is given (REST
// snapshots, sequenced events, outbox entries) and tells subscribers what changed; it never
// talks to the network. Objects it hands out are never mutated afterwards: a change replaces
// them, so UIs may compare by identity.

import * as M from './messages.js';
import { applyPersisted, applyTransient } from './reducer.js';

/** @typedef {import('./types.js').Message} Message */
/** @typedef {import('./types.js').ConversationSummary} ConversationSummary */

/**
 * A conversation as the store keeps it.
 * @typedef {object} ConversationState
 * @property {string} id
 * @property {import('./types.js').Conversation} conversation
 * @property {import('./types.js').Role|null} role my role
 * @property {import('./types.js').MemberSettings|null} settings my settings
 * @property {number} lastSeq the newest event's seq
 * @property {number} readSeq my read marker
 * @property {number} deliveredSeq my delivered marker
 * @property {number} unreadCount
 * @property {number} mentionCount
 * @property {Message|null} lastMessage
 * @property {import('./types.js').User|null} directPeer
 */

/**
 * What changed, for subscribers: `conversations` (the list or a conversation's fields and
 * counters), `messages`, `typing`, `presence` (conversationId null; userId set), `receipts`.
 * @typedef {{kind: 'conversations'|'messages'|'typing'|'presence'|'receipts', conversationId: string|null, userId?: string}} StoreChange
 */

export class ChatStore {
  /** @type {string|null} */
  #me = null;
  // The maps below are read and changed by the reducer (reducer.js) too; treat them as internal.
  /** @internal @type {Map<string, ConversationState>} */
  convs = new Map();
  /** Seq from which every message event was seen live (so counting locally is exact). */
  liveFrom = new Map();
  /** @type {Map<string, Map<string, Message>>} confirmed messages by id, per conversation */
  messagesById = new Map();
  /** @type {Map<string, Map<string, Message>>} outbox messages by clientMessageId, per conversation */
  pendingById = new Map();
  /** @type {Map<string, Map<string, {readSeq: number, deliveredSeq: number}>>} */
  markers = new Map();
  /** @type {Map<string, string[]>} */
  #typing = new Map();
  /** @type {Map<string, import('./types.js').Presence>} */
  #presence = new Map();
  /** @type {Map<string, Message[]>} */
  #sortedCache = new Map();
  /** @type {ConversationState[]|null} */
  #listCache = null;
  #listeners = new Set();
  /** @type {StoreChange[]} */
  #queued = [];

  /** My user id (null until known). */
  get me() {
    return this.#me;
  }

  setMe(userId) {
    this.#me = userId;
  }

  // ------------------------------------------------------------------ queries

  /** My conversations, pinned first, then by last activity (newest first); hidden ones left out unless asked. */
  conversations({ includeHidden = false } = {}) {
    if (!this.#listCache) {
      this.#listCache = [...this.convs.values()].sort((a, b) => {
        const pinned = Number(Boolean(b.settings?.pinned)) - Number(Boolean(a.settings?.pinned));
        if (pinned) return pinned;
        const at = (b.conversation.lastActivityAt ?? '').localeCompare(a.conversation.lastActivityAt ?? '');
        return at || a.id.localeCompare(b.id);
      });
    }
    return includeHidden ? this.#listCache : this.#listCache.filter((c) => !c.settings?.hidden);
  }

  /** @returns {ConversationState|undefined} */
  conversation(conversationId) {
    return this.convs.get(conversationId);
  }

  /**
   * The conversation's main timeline: confirmed messages in seq order, then my pending ones.
   * Thread replies are left out (see {@link thread}). The same array comes back until it changes.
   * @returns {Message[]}
   */
  messages(conversationId) {
    let sorted = this.#sortedCache.get(conversationId);
    if (!sorted) {
      const confirmed = [...(this.messagesById.get(conversationId)?.values() ?? [])];
      const pending = [...(this.pendingById.get(conversationId)?.values() ?? [])];
      sorted = Object.freeze([...confirmed, ...pending].filter((m) => !m.threadRootId).sort(M.compareMessages));
      this.#sortedCache.set(conversationId, sorted);
    }
    return sorted;
  }

  /** The replies of a thread, in seq order (pending ones last). */
  thread(conversationId, rootId) {
    const confirmed = [...(this.messagesById.get(conversationId)?.values() ?? [])];
    const pending = [...(this.pendingById.get(conversationId)?.values() ?? [])];
    return [...confirmed, ...pending].filter((m) => m.threadRootId === rootId).sort(M.compareMessages);
  }

  /** @returns {Message|undefined} a confirmed message */
  message(conversationId, messageId) {
    return this.messagesById.get(conversationId)?.get(messageId);
  }

  /** Who else types in the conversation now. */
  typing(conversationId) {
    return this.#typing.get(conversationId) ?? [];
  }

  /** @returns {import('./types.js').Presence|undefined} */
  presence(userId) {
    return this.#presence.get(userId);
  }

  /** Every member's read and delivered markers that the store knows, by user id. */
  receipts(conversationId) {
    return new Map(this.markers.get(conversationId) ?? []);
  }

  /** Who (other than the sender) has read up to the message. */
  readers(conversationId, message) {
    const result = [];
    for (const [userId, marker] of this.markers.get(conversationId) ?? []) {
      if (userId !== message.senderId && message.seq != null && marker.readSeq >= message.seq) result.push(userId);
    }
    return result;
  }

  /**
   * Listens to changes; the listener gets the changes of one turn of the event loop together.
   * @param {(changes: StoreChange[]) => void} listener
   * @returns {() => void} unsubscribes
   */
  subscribe(listener) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  // ------------------------------------------------------------------ REST snapshots

  /** Takes a conversation from the list endpoint as the truth as of its `lastSeq`. */
  applySummary(/** @type {ConversationSummary} */ summary) {
    const c = summary.conversation;
    const previous = this.convs.get(c.id);
    this.#putConv({
      id: c.id,
      conversation: c,
      role: summary.me?.role ?? null,
      settings: summary.me?.settings ?? null,
      lastSeq: c.lastSeq,
      readSeq: summary.me?.readSeq ?? 0,
      deliveredSeq: summary.me?.deliveredSeq ?? 0,
      unreadCount: summary.unreadCount,
      mentionCount: summary.mentionCount,
      lastMessage: summary.lastMessage ?? null,
      directPeer: summary.directPeer ?? previous?.directPeer ?? null,
    });
    this.liveFrom.set(c.id, c.lastSeq + 1);
    if (summary.me) this.#setMarker(c.id, summary.me.userId, summary.me.readSeq, summary.me.deliveredSeq);
  }

  /** Takes the members' markers from `GET /conversations/{id}` (for receipts and delivery). */
  applyDetails(/** @type {import('./types.js').ConversationDetails} */ details) {
    const id = details.conversation.id;
    for (const member of details.members) this.#setMarker(id, member.userId, member.readSeq, member.deliveredSeq);
    const conv = this.convs.get(id);
    if (conv && details.me) {
      this.#putConv({ ...conv, role: details.me.role, settings: details.me.settings });
    }
    this.#refreshDeliveries(id);
    this.#changed('receipts', id);
  }

  /**
   * Merges a page of history. Messages already held stay as they are (events keep them
   * current); new ones are added.
   */
  applyHistory(conversationId, /** @type {import('./types.js').MessageHistory} */ page) {
    const byId = this.#byId(conversationId);
    let changed = false;
    for (const message of page.items) {
      const held = byId.get(message.id);
      if (!held) {
        byId.set(message.id, message);
        // The server has it: a pending copy (its ack still awaited) would show it twice.
        if (message.senderId === this.#me && message.clientMessageId) this.#dropPending(conversationId, message.clientMessageId);
        changed = true;
      } else if (!held.delivery && message.delivery) {
        byId.set(message.id, { ...held, delivery: message.delivery });
        changed = true;
      }
    }
    if (changed) {
      this.#refreshDeliveries(conversationId);
      this.#messagesChanged(conversationId);
    }
  }

  /** Drops a conversation's messages (before reloading it when it fell too far behind). */
  clearMessages(conversationId) {
    this.messagesById.delete(conversationId);
    this.#messagesChanged(conversationId);
  }

  /** Forgets a conversation (I left or was removed). */
  removeConversation(conversationId) {
    if (!this.convs.delete(conversationId)) return;
    this.liveFrom.delete(conversationId);
    this.messagesById.delete(conversationId);
    this.markers.delete(conversationId);
    this.#typing.delete(conversationId);
    this.#sortedCache.delete(conversationId);
    this.#listCache = null;
    this.#changed('conversations', conversationId);
    this.#changed('messages', conversationId);
  }

  // ------------------------------------------------------------------ events

  /** Applies one persisted event, already de-duplicated and in seq order. */
  applyEvent(/** @type {import('./types.js').PersistedEvent} */ event) {
    applyPersisted(this, event);
  }

  /** Applies one event without seq (typing, presence, receipt, unread, settings). */
  applyTransient(/** @type {import('./types.js').TransientEvent} */ event) {
    applyTransient(this, event);
  }

  /** Sets the typers of a conversation (from a `focus` reply). */
  setTyping(conversationId, userIds) {
    this.#typing.set(conversationId, userIds.filter((id) => id !== this.#me));
    this.#changed('typing', conversationId);
  }

  setPresence(/** @type {import('./types.js').Presence} */ presence) {
    this.#presence.set(presence.userId, presence);
    this.#changed('presence', null, presence.userId);
  }

  /**
   * Moves my markers forward (a `read` reply, a receipt from another device). Unread counts are
   * recounted locally when every message above the marker was seen; else the server's `unread`
   * event brings them.
   */
  setMyMarkers(conversationId, readSeq, deliveredSeq = readSeq) {
    const conv = this.convs.get(conversationId);
    if (!conv) return;
    const nextRead = Math.max(conv.readSeq, readSeq);
    const nextDelivered = Math.max(conv.deliveredSeq, deliveredSeq, nextRead);
    if (nextRead === conv.readSeq && nextDelivered === conv.deliveredSeq) return;
    this.#putConv({ ...conv, readSeq: nextRead, deliveredSeq: nextDelivered, ...this.recount(conv, nextRead) });
    if (this.#me) this.#setMarker(conversationId, this.#me, nextRead, nextDelivered);
  }

  /** The counters after my read marker moved to `readSeq`: exact when they can be, else unchanged. */
  recount(conv, readSeq) {
    if (readSeq >= conv.lastSeq) return { unreadCount: 0, mentionCount: 0 };
    if (readSeq + 1 < (this.liveFrom.get(conv.id) ?? Infinity)) return {};
    let unreadCount = 0;
    let mentionCount = 0;
    for (const message of this.messagesById.get(conv.id)?.values() ?? []) {
      if (M.countsAsUnread(message, this.#me, readSeq)) {
        unreadCount++;
        if (M.mentions(message, this.#me)) mentionCount++;
      }
    }
    return { unreadCount, mentionCount };
  }

  // ------------------------------------------------------------------ outbox

  /** Shows a message that waits in the outbox. */
  addPending({ clientMessageId, conversationId, body, createdAt }) {
    for (const held of this.#byId(conversationId).values()) {
      if (held.clientMessageId === clientMessageId && held.senderId === this.#me) return;
    }
    const pending = {
      id: 'pending:' + clientMessageId, conversationId, seq: null, senderId: this.#me, clientMessageId,
      type: body.type ?? 'text', text: body.text ?? null, codeLanguage: body.codeLanguage ?? null,
      attachments: body.attachments ?? [], replyToId: body.replyToId ?? null, threadRootId: body.threadRootId ?? null,
      mentions: body.mentions ?? [], mentionAll: Boolean(body.mentionAll), forwardedFrom: null, createdAt,
      editedAt: null, deletedAt: null, thread: { replyCount: 0, lastReplyAt: null, participantIds: [] },
      reactions: [], pinned: false, delivery: null, pending: true,
    };
    this.#pending(conversationId).set(clientMessageId, pending);
    this.#messagesChanged(conversationId);
  }

  /** Replaces a pending message by the server's message (the send's reply). */
  confirmPending(clientMessageId, /** @type {Message} */ message) {
    this.#dropPending(message.conversationId, clientMessageId);
    const byId = this.#byId(message.conversationId);
    const held = byId.get(message.id);
    if (!held) byId.set(message.id, message);
    else if (!held.delivery && message.delivery) byId.set(message.id, { ...held, delivery: message.delivery });
    this.#refreshDeliveries(message.conversationId);
    this.#messagesChanged(message.conversationId);
  }

  /** Marks a pending message as refused for good. */
  failPending(conversationId, clientMessageId, error) {
    const pending = this.pendingById.get(conversationId)?.get(clientMessageId);
    if (!pending) return;
    this.#pending(conversationId).set(clientMessageId, { ...pending, pending: false, failed: error });
    this.#messagesChanged(conversationId);
  }

  /** Removes a pending or failed message (the application gave up on it). */
  discardPending(conversationId, clientMessageId) {
    if (this.#dropPending(conversationId, clientMessageId)) this.#messagesChanged(conversationId);
  }

  // ------------------------------------------------------------------ for the reducer

  /** @internal */ byIdOf(conversationId) {
    return this.#byId(conversationId);
  }

  /** @internal */ putConv(conv) {
    this.#putConv(conv);
  }

  /** @internal */ dropPendingOf(conversationId, clientMessageId) {
    return this.#dropPending(conversationId, clientMessageId);
  }

  /** @internal */ messagesChanged(conversationId) {
    this.#messagesChanged(conversationId);
  }

  /** @internal */ setMarker(conversationId, userId, readSeq, deliveredSeq) {
    this.#setMarker(conversationId, userId, readSeq, deliveredSeq);
  }

  /** @internal */ dropMarker(conversationId, userId) {
    this.markers.get(conversationId)?.delete(userId);
    this.#changed('receipts', conversationId);
  }

  /** @internal */ changed(kind, conversationId) {
    this.#changed(kind, conversationId);
  }

  /** @internal */ refreshDeliveries(conversationId) {
    this.#refreshDeliveries(conversationId);
  }

  // ------------------------------------------------------------------ internals

  #byId(conversationId) {
    let map = this.messagesById.get(conversationId);
    if (!map) this.messagesById.set(conversationId, (map = new Map()));
    return map;
  }

  #pending(conversationId) {
    let map = this.pendingById.get(conversationId);
    if (!map) this.pendingById.set(conversationId, (map = new Map()));
    return map;
  }

  #dropPending(conversationId, clientMessageId) {
    return this.pendingById.get(conversationId)?.delete(clientMessageId) ?? false;
  }

  #putConv(conv) {
    this.convs.set(conv.id, Object.freeze(conv));
    this.#listCache = null;
    this.#changed('conversations', conv.id);
  }

  #setMarker(conversationId, userId, readSeq, deliveredSeq) {
    let map = this.markers.get(conversationId);
    if (!map) this.markers.set(conversationId, (map = new Map()));
    const held = map.get(userId) ?? { readSeq: 0, deliveredSeq: 0 };
    map.set(userId, {
      readSeq: Math.max(held.readSeq, readSeq ?? 0),
      deliveredSeq: Math.max(held.deliveredSeq, deliveredSeq ?? 0, readSeq ?? 0),
    });
  }

  #refreshDeliveries(conversationId) {
    const markers = this.markers.get(conversationId);
    const byId = this.messagesById.get(conversationId);
    if (!markers || !byId || this.#me == null) return;
    let changed = false;
    for (const [id, message] of byId) {
      if (message.senderId !== this.#me || !message.delivery) continue;
      const next = M.withDelivery(message, markers, this.#me);
      if (next !== message) {
        byId.set(id, next);
        changed = true;
      }
    }
    if (changed) this.#messagesChanged(conversationId);
  }

  #messagesChanged(conversationId) {
    this.#sortedCache.delete(conversationId);
    this.#changed('messages', conversationId);
  }

  #changed(kind, conversationId, userId) {
    const change = userId === undefined ? { kind, conversationId } : { kind, conversationId, userId };
    const first = this.#queued.length === 0;
    if (!this.#queued.some((c) => c.kind === kind && c.conversationId === conversationId && c.userId === change.userId)) {
      this.#queued.push(change);
    }
    if (first) queueMicrotask(() => this.#flush());
  }

  #flush() {
    const changes = this.#queued;
    this.#queued = [];
    if (changes.length === 0) return;
    for (const listener of [...this.#listeners]) {
      try {
        listener(changes);
      } catch (e) {
        console.error('Parley: a store subscriber threw', e);
      }
    }
  }
}
