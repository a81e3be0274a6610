// Keeps the store in step with the server: the first load through REST, `resume` on every
// connection, reloads of conversations that fell too far behind or were unknown, and a
// reconnect (hence a new `resume`) when a gap shows in a conversation's seq. Events reach the
// store exactly once, in seq order per conversation.

import { Sequencer } from './sequencer.js';

/** How long the server may take to replay what was missed. */
const RESUME_TIMEOUT_MS = 60_000;

export class Sync {
  #store;
  #api;
  #emit;
  #onMessageFromOthers;
  #sequencer = new Sequencer();
  #listLoaded = false;
  /** Conversations whose history the application loaded: reloaded after a resync. */
  #opened = new Set();
  /** @type {Set<string>} conversations waiting for a REST reload */
  #reloading = new Set();
  #reloadQueued = null;
  /** @type {Set<string>} conversations with a gap to resume */
  #gaps = new Set();
  /** @type {Promise<void>|null} */
  #gapResume = null;
  /** @type {((op: string, data?: object, options?: object) => Promise<any>)|null} */
  #request = null;
  #reconnect;

  /**
   * @param {object} deps
   * @param {import('./store.js').ChatStore} deps.store
   * @param {import('./rest.js').RestClient} deps.api
   * @param {(name: string, payload: unknown) => void} deps.emit
   * @param {(conversationId: string, seq: number) => void} deps.onMessageFromOthers for delivery acks
   * @param {() => void} deps.reconnect drops the connection (it then resumes from scratch)
   */
  constructor({ store, api, emit, onMessageFromOthers, reconnect }) {
    this.#store = store;
    this.#api = api;
    this.#emit = emit;
    this.#onMessageFromOthers = onMessageFromOthers;
    this.#reconnect = reconnect;
  }

  /** The position the SDK holds per conversation (what `resume` names). */
  positions() {
    return this.#sequencer.positions();
  }

  /** Notes that the application shows this conversation's history (reload it after a resync). */
  opened(conversationId) {
    this.#opened.add(conversationId);
  }

  /**
   * Runs on every new connection before it is live: loads the conversation list the first time,
   * then resumes and handles the reply.
   * @param {{userId: string, request: (op: string, data?: object, options?: object) => Promise<any>}} session
   */
  async setup(session) {
    this.#request = null;
    this.#store.setMe(session.userId);
    if (!this.#listLoaded) {
      await this.#loadList();
      this.#listLoaded = true;
    }
    const result = await session.request('resume', { conversations: this.#sequencer.positions() }, { timeoutMs: RESUME_TIMEOUT_MS });
    this.#handleResume(result);
    this.#request = session.request;
  }

  /** After the connection went live: resume what showed gaps during the setup. */
  live() {
    if (this.#gaps.size) this.#scheduleGapResume();
  }

  /** The connection was lost: requests wait for the next setup. */
  disconnected() {
    this.#request = null;
  }

  /** Takes an event frame off the socket. */
  onEvent(frame) {
    if (typeof frame.seq === 'number' && typeof frame.conversationId === 'string') {
      this.#onPersisted(frame);
      return;
    }
    if (frame.event === 'conversation.available') {
      const id = frame.data?.conversationId;
      if (id && this.#sequencer.position(id) === undefined) this.#scheduleReload([id]);
    } else {
      this.#store.applyTransient(frame);
    }
    this.#emit(frame.event, frame);
  }

  /** Reloads conversations through REST (lists, counters) and continues from their lastSeq. */
  reload(conversationIds, { clearMessages = false } = {}) {
    for (const id of conversationIds) {
      this.#sequencer.markUnknown(id);
      if (clearMessages) this.#store.clearMessages(id);
    }
    this.#scheduleReload(conversationIds);
    return this.#reloadQueued;
  }

  // ------------------------------------------------------------------ persisted events

  #onPersisted(frame) {
    const id = frame.conversationId;
    let accepted = this.#sequencer.accept(frame);
    if (accepted.unknown) {
      if (frame.event === 'conversation.created' && frame.seq === 1 && !this.#reloading.has(id)) {
        accepted = { ...this.#sequencer.setPosition(id, 0), unknown: false };
      } else {
        this.#scheduleReload([id]);
        return;
      }
    }
    this.#applyAll(accepted.apply);
    if (accepted.gap) {
      this.#gaps.add(id);
      if (this.#request) this.#scheduleGapResume();
    }
  }

  #applyAll(events) {
    for (const event of events) {
      this.#store.applyEvent(event);
      if (event.event === 'member.removed' && event.data.userId === this.#store.me) this.#forget(event.conversationId);
      if (event.event === 'message.created' && event.data.message.senderId !== this.#store.me) {
        this.#onMessageFromOthers(event.conversationId, event.seq);
      }
      this.#emit(event.event, event);
    }
  }

  #forget(conversationId) {
    this.#sequencer.forget(conversationId);
    this.#opened.delete(conversationId);
    this.#gaps.delete(conversationId);
    this.#store.removeConversation(conversationId);
  }

  // ------------------------------------------------------------------ resume

  #handleResume(result) {
    for (const id of result.removed ?? []) this.#forget(id);
    const behind = (result.tooFarBehind ?? []).map((p) => p.conversationId);
    if (behind.length) this.reload(behind, { clearMessages: true });
    const unknown = (result.unknown ?? []).map((p) => p.conversationId);
    if (unknown.length) this.reload(unknown);
  }

  /**
   * A gap means events were lost on the way. A connection resumes once (the server refuses a
   * second `resume`), so the SDK reconnects: the new connection resumes from the positions held,
   * and the server replays exactly what is missing.
   */
  #scheduleGapResume() {
    if (this.#gapResume) return;
    this.#gapResume = Promise.resolve().then(() => {
      this.#gapResume = null;
      const stillMissing = [...this.#gaps].some((id) => this.#sequencer.hasGap(id));
      this.#gaps.clear();
      if (stillMissing && this.#request) this.#reconnect();
    });
  }

  // ------------------------------------------------------------------ REST loads

  async #loadList() {
    const summaries = await this.#api.allConversations();
    const seen = new Set();
    for (const summary of summaries) {
      seen.add(summary.conversation.id);
      this.#adopt(summary);
    }
    for (const conv of this.#store.conversations({ includeHidden: true })) {
      if (!seen.has(conv.id)) this.#forget(conv.id);
    }
  }

  /** Takes a REST summary as the conversation's truth and applies what was held behind it. */
  #adopt(summary) {
    const id = summary.conversation.id;
    this.#store.applySummary(summary);
    const { apply, gap } = this.#sequencer.setPosition(id, summary.conversation.lastSeq);
    this.#applyAll(apply);
    if (gap) {
      this.#gaps.add(id);
      if (this.#request) this.#scheduleGapResume();
    }
  }

  #scheduleReload(conversationIds) {
    for (const id of conversationIds) {
      this.#sequencer.markUnknown(id);
      this.#reloading.add(id);
    }
    if (!this.#reloadQueued) {
      this.#reloadQueued = Promise.resolve().then(() => this.#reloadNow()).finally(() => {
        this.#reloadQueued = null;
        if (this.#reloading.size) this.#scheduleReload([]);
      });
    }
  }

  async #reloadNow() {
    const ids = new Set(this.#reloading);
    if (ids.size === 0) return;
    let summaries;
    try {
      summaries = await this.#api.allConversations();
    } catch (e) {
      // Offline: the next connection's resume names none of them, so the server lists them again.
      for (const id of ids) this.#reloading.delete(id);
      this.#emit('error', e);
      return;
    }
    for (const id of ids) this.#reloading.delete(id);
    const found = new Set();
    for (const summary of summaries) {
      const id = summary.conversation.id;
      if (!ids.has(id)) continue;
      found.add(id);
      this.#adopt(summary);
      if (this.#opened.has(id)) {
        this.#api.history(id).then((page) => this.#store.applyHistory(id, page), (e) => this.#emit('error', e));
      }
    }
    for (const id of ids) if (!found.has(id)) this.#forget(id);
  }
}
