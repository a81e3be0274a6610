// The Parley JavaScript SDK: `new Parley({baseUrl, token | getToken})`, then `start()`.
// REST helpers live on `parley.api`, the local store on `parley.store`, events on `parley.on`.
// No dependencies; an ES module for browsers. The protocol is docs/protocol.md.

import { DeliveredAcks } from './acks.js';
import { Connection } from './connection.js';
import { Emitter } from './emitter.js';
import { ParleyError } from './errors.js';
import { Outbox } from './outbox.js';
import { RestClient } from './rest.js';
import { Sender } from './sender.js';
import { ChatStore } from './store.js';
import { Sync } from './sync.js';
import { TokenSource, peekClaims } from './tokens.js';
import { TypingThrottle } from './typing.js';

export { ParleyError } from './errors.js';
export { ChatStore } from './store.js';
export { Sequencer } from './sequencer.js';
export { RestClient } from './rest.js';
export { Outbox, memoryStorage } from './outbox.js';
export { backoffDelay, closeAction } from './backoff.js';
export { PERSISTED_EVENTS, TRANSIENT_EVENTS } from './types.js';

/** @typedef {import('./types.js').ParleyEventMap} ParleyEventMap */
/** @typedef {import('./types.js').Message} Message */

/**
 * @typedef {object} ParleyOptions
 * @property {string} [baseUrl] the server; default the page's origin
 * @property {string} [token] a fixed access token (Parley or host-application JWT)
 * @property {import('./tokens.js').GetToken} [getToken] asked for a token on every connection and before expiry
 * @property {import('./outbox.js').StorageOption} [storage] where the outbox lives; default `auto`
 * @property {string} [storageKey] separates outboxes; default: the server and the token's user
 * @property {{baseMs?: number, maxMs?: number}} [reconnect] backoff between attempts; default 0.5 s doubling to 30 s
 * @property {number} [requestTimeoutMs] default 15 s
 * @property {number} [pingIntervalMs] default 25 s
 * @property {number} [ackDelayMs] how long delivered acks are gathered; default 250 ms
 * @property {typeof fetch} [fetch]
 * @property {typeof WebSocket} [WebSocket]
 */

export class Parley {
  /** REST helpers (authenticated with this client's tokens). */
  api;
  /** The local store: conversations, messages, typing, presence, receipts. */
  store = new ChatStore();
  #baseUrl;
  #options;
  #emitter = new Emitter();
  #tokens;
  #connection;
  #sync;
  #sender;
  #acks;
  #typing;
  #focused = new Set();
  /** @type {Promise<void>|null} */
  #starting = null;

  /** @param {ParleyOptions} [options] */
  constructor(options = {}) {
    this.#options = options;
    const baseUrl = options.baseUrl ?? globalThis.location?.origin;
    if (typeof baseUrl !== 'string' || !/^https?:\/\//.test(baseUrl)) throw new TypeError('baseUrl must be an http(s) URL');
    this.#baseUrl = baseUrl.replace(/\/+$/, '');
    this.#tokens = new TokenSource({
      token: options.token,
      getToken: options.getToken,
      refresh: (refreshToken) => this.api.refresh(refreshToken),
      onSession: (session) => this.#emitter.emit('session', session),
    });
    this.api = new RestClient({ baseUrl: this.#baseUrl, tokens: this.#tokens, fetch: options.fetch });
    const emit = (name, payload) => this.#emitter.emit(name, payload);
    this.#acks = new DeliveredAcks({
      delayMs: options.ackDelayMs,
      send: (conversationId, seq) => this.#connection.request('delivered', { conversationId, seq }),
    });
    this.#connection = new Connection({
      url: this.#baseUrl.replace(/^http/, 'ws') + '/ws',
      tokens: this.#tokens,
      onEvent: (frame) => this.#sync.onEvent(frame),
      onSetup: (session) => this.#sync.setup(session),
      onLive: () => this.#onLive(),
      onState: (state, previous, detail) => this.#onState(state, previous, detail),
      backoff: options.reconnect,
      requestTimeoutMs: options.requestTimeoutMs,
      pingIntervalMs: options.pingIntervalMs,
      WebSocket: options.WebSocket,
    });
    this.#sync = new Sync({
      store: this.store, api: this.api, emit,
      onMessageFromOthers: (conversationId, seq) => this.#acks.note(conversationId, seq),
      reconnect: () => this.#connection.reconnect(),
    });
    this.#sender = new Sender({
      store: this.store, emit,
      request: (op, data) => this.#connection.request(op, data),
      isLive: () => this.#connection.state === 'live',
    });
    this.#typing = new TypingThrottle({ send: (op, conversationId) => this.#connection.request(op, { conversationId }) });
  }

  // ------------------------------------------------------------------ lifecycle and auth

  /** The connection's state. @returns {import('./types.js').ConnectionState} */
  get state() {
    return this.#connection.state;
  }

  /** My user id, once known (after login, or from the first connection). */
  get userId() {
    return this.store.me;
  }

  /** Signs in to a built-in account; this client then refreshes its tokens itself. */
  async login(username, password) {
    return this.#useResponse(await this.api.login(username, password));
  }

  /** Creates a built-in account and signs in. */
  async register({ username, password, displayName, email }) {
    return this.#useResponse(await this.api.register({ username, password, displayName, email }));
  }

  /** Continues a session kept from an earlier login (e.g. its refresh token in storage). */
  useSession(/** @type {import('./tokens.js').TokenResponse} */ session) {
    this.#useResponse(session);
  }

  #useResponse(response) {
    this.#tokens.useSession(response);
    if (response.user?.id) this.store.setMe(response.user.id);
    return response;
  }

  /**
   * Opens the outbox (showing what waits in it), then connects: loads the conversation list,
   * resumes, and stays connected until {@link stop}. Resolves once the outbox is open; the
   * connection comes up in the background (watch `state`).
   */
  start() {
    if (!this.#starting) {
      this.#starting = this.#openOutbox().then(() => this.#connection.start());
      this.#starting.catch(() => {
        this.#starting = null;
      });
    }
    return this.#starting;
  }

  /** Closes the connection for good; the outbox stays stored for the next start. */
  stop() {
    this.#connection.stop();
    this.#acks.cancel();
    this.#sender.cancel();
    this.#starting = null;
  }

  /** Ends the built-in account session on the server and stops. */
  async logout() {
    try {
      await this.api.logout();
    } finally {
      this.stop();
      this.#tokens.clear();
    }
  }

  async #openOutbox() {
    if (this.#sender.attached) return;
    let key = this.#options.storageKey;
    if (key === undefined) {
      let user = this.store.me;
      if (!user) {
        const claims = peekClaims(await this.#tokens.get());
        if (claims?.iss === 'parley' && typeof claims.sub === 'string') this.store.setMe(claims.sub);
        user = this.store.me ?? (claims ? `${claims.iss ?? ''}|${claims.sub ?? ''}` : 'anonymous');
      }
      key = `${this.#baseUrl}|${user}`;
    }
    this.#sender.attach(await Outbox.open(this.#options.storage ?? 'auto', key));
  }

  // ------------------------------------------------------------------ events

  /**
   * Listens to an event: every protocol event of docs/protocol.md (once each, in seq order per
   * conversation), and `state`, `error`, `session`, `outbox`; `'*'` gets all as (name, payload).
   * @template {keyof ParleyEventMap} K
   * @param {K} name
   * @param {(event: ParleyEventMap[K]) => void} listener
   * @returns {() => void} removes the listener
   */
  on(name, listener) {
    return this.#emitter.on(name, listener);
  }

  /** Like {@link on}, for one event. */
  once(name, listener) {
    return this.#emitter.once(name, listener);
  }

  #onState(state, previous, detail) {
    if (state !== 'live' && previous === 'live') {
      this.#sync.disconnected();
      this.#typing.reset();
    }
    if (state !== previous) this.#emitter.emit('state', { state, previous, closeCode: detail.closeCode });
    if (detail.error) this.#emitter.emit('error', detail.error);
  }

  #onLive() {
    this.#sync.live();
    this.#sender.pump();
    this.#acks.flush();
    for (const conversationId of this.#focused) this.#refocus(conversationId);
  }

  // ------------------------------------------------------------------ messages

  /**
   * Sends a message through the outbox: it shows at once as pending in the store, survives a
   * reload, and is sent (again, with the same clientMessageId) until the server acknowledges it.
   * @param {string} conversationId
   * @param {string|import('./types.js').NewMessage} message text, or the full body
   * @returns {Promise<Message>} resolves on acknowledgement; rejects if the server refused it for good
   */
  async send(conversationId, message) {
    requireId(conversationId, 'conversationId');
    const body = typeof message === 'string' ? { text: message } : { ...message };
    if (!body || typeof body !== 'object') throw new ParleyError('validation_failed', 'message must be text or an object');
    if ('clientMessageId' in body) throw new ParleyError('validation_failed', 'The SDK chooses clientMessageId');
    await this.start();
    this.#typing.stop(conversationId);
    return this.#sender.enqueue({
      clientMessageId: newClientMessageId(), conversationId, body, createdAt: new Date().toISOString(),
    });
  }

  /** Gives up on a message that is pending or failed. */
  discard(conversationId, clientMessageId) {
    return this.#sender.discard(conversationId, clientMessageId);
  }

  /** How many messages wait in the outbox. */
  get outboxSize() {
    return this.#sender.size;
  }

  /** @returns {Promise<Message>} */
  async edit(messageId, text, { mentions, mentionAll } = {}) {
    requireId(messageId, 'messageId');
    const result = await this.#call('message.edit', { messageId, text, mentions, mentionAll },
      () => this.api.editMessage(messageId, { text, mentions, mentionAll }).then((message) => ({ message })));
    return result.message;
  }

  /** @returns {Promise<Message>} the tombstone */
  async deleteMessage(messageId) {
    requireId(messageId, 'messageId');
    const result = await this.#call('message.delete', { messageId },
      () => this.api.deleteMessage(messageId).then((message) => ({ message })));
    return result.message;
  }

  async react(messageId, emoji) {
    requireId(messageId, 'messageId');
    await this.#call('reaction.add', { messageId, emoji }, () => this.api.addReaction(messageId, emoji));
  }

  async unreact(messageId, emoji) {
    requireId(messageId, 'messageId');
    await this.#call('reaction.remove', { messageId, emoji }, () => this.api.removeReaction(messageId, emoji));
  }

  async pin(messageId) {
    requireId(messageId, 'messageId');
    await this.#call('message.pin', { messageId }, () => this.api.pin(messageId));
  }

  async unpin(messageId) {
    requireId(messageId, 'messageId');
    await this.#call('message.unpin', { messageId }, () => this.api.unpin(messageId));
  }

  /** Copies a message into another conversation. @returns {Promise<Message>} */
  async forward(messageId, conversationId) {
    requireId(messageId, 'messageId');
    requireId(conversationId, 'conversationId');
    const clientMessageId = newClientMessageId();
    const result = await this.#call('message.forward', { messageId, conversationId, clientMessageId },
      () => this.api.forward(messageId, conversationId, clientMessageId).then((message) => ({ message })));
    return result.message;
  }

  /**
   * Loads a page of history into the store (the newest page, or the one before `before`).
   * @param {string} conversationId
   * @param {{before?: number, limit?: number}} [query]
   * @returns {Promise<import('./types.js').MessageHistory>}
   */
  async loadHistory(conversationId, { before, limit } = {}) {
    requireId(conversationId, 'conversationId');
    this.#sync.opened(conversationId);
    const page = await this.api.history(conversationId, { before, limit });
    this.store.applyHistory(conversationId, page);
    return page;
  }

  /** Loads the members and their markers (for receipts and delivery state). */
  async loadMembers(conversationId) {
    requireId(conversationId, 'conversationId');
    const details = await this.api.conversation(conversationId);
    this.store.applyDetails(details);
    return details;
  }

  // ------------------------------------------------------------------ receipts, typing, presence

  /**
   * Marks the conversation read up to what the store holds (or `seq`); badges clear on every
   * device of mine.
   * @returns {Promise<number>} my read marker after the call
   */
  async markRead(conversationId, seq) {
    requireId(conversationId, 'conversationId');
    const target = seq ?? this.store.conversation(conversationId)?.lastSeq;
    const data = target == null ? { conversationId } : { conversationId, seq: target };
    const result = await this.#call('read', data, () => this.api.markRead(conversationId, target));
    this.store.setMyMarkers(conversationId, result.readSeq);
    this.#acks.known(conversationId, result.readSeq);
    return result.readSeq;
  }

  /** Call on every keystroke: sends `typing.start` at most every 3 seconds per conversation. */
  typing(conversationId) {
    requireId(conversationId, 'conversationId');
    if (this.#connection.state === 'live') this.#typing.typing(conversationId);
  }

  /** The user stopped typing without sending. */
  stopTyping(conversationId) {
    requireId(conversationId, 'conversationId');
    this.#typing.stop(conversationId);
  }

  /**
   * Shows a conversation: its typing events come to this connection (again after reconnects)
   * until {@link blur}. Resolves once the current typers are in the store.
   */
  async focus(conversationId) {
    requireId(conversationId, 'conversationId');
    this.#focused.add(conversationId);
    if (this.#connection.state === 'live') await this.#refocus(conversationId);
  }

  async blur(conversationId) {
    requireId(conversationId, 'conversationId');
    this.#focused.delete(conversationId);
    this.#typing.stop(conversationId);
    this.store.setTyping(conversationId, []);
    if (this.#connection.state === 'live') await this.#connection.request('blur', { conversationId }).catch(() => {});
  }

  async #refocus(conversationId) {
    try {
      const result = await this.#connection.request('focus', { conversationId });
      if (this.#focused.has(conversationId)) this.store.setTyping(conversationId, result.typing ?? []);
    } catch (e) {
      if (e?.code !== 'disconnected') this.#emitter.emit('error', e);
    }
  }

  /**
   * @param {'online'|'away'|'dnd'} status
   * @param {{statusText?: string|null, statusExpiresAt?: string|null}} [extra]
   */
  async setPresence(status, { statusText, statusExpiresAt } = {}) {
    const result = await this.#connection.request('presence.set', { status, statusText, statusExpiresAt });
    this.store.setPresence(result.presence);
    return result.presence;
  }

  /** Asks for the presence of up to 100 users (who share a conversation with me). */
  async getPresence(userIds) {
    const result = await this.#connection.request('presence.get', { userIds });
    for (const presence of result.items) this.store.setPresence(presence);
    return result.items;
  }

  /**
   * Sends a request on the socket when it is live, else (or when the socket drops before the
   * reply) through REST. Only for requests that are safe to repeat.
   */
  async #call(op, data, rest) {
    if (this.#connection.state !== 'live') return rest();
    try {
      return await this.#connection.request(op, data);
    } catch (e) {
      if (e?.code === 'disconnected' || e?.code === 'timeout') return rest();
      throw e;
    }
  }
}

function requireId(value, name) {
  if (typeof value !== 'string' || value === '') throw new ParleyError('validation_failed', `${name} is required`);
}

/** A random UUID; `crypto.randomUUID` where available (secure contexts), else built from random bytes. */
export function newClientMessageId() {
  if (typeof globalThis.crypto?.randomUUID === 'function') return globalThis.crypto.randomUUID();
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
