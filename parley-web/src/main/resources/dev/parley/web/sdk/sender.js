// Sends what waits in the outbox, oldest first, one at a time, whenever the socket is live.
// An entry leaves the outbox when the server acknowledged it or refused it for good; anything
// else (offline, timeout, rate limit, server error) leaves it for the next try with the same
// clientMessageId.

import { ParleyError } from './errors.js';

export class Sender {
  #outbox = null;
  #store;
  #emit;
  #request;
  #isLive;
  #running = false;
  #retryTimer = null;
  /** @type {Map<string, {resolve: Function, reject: Function}>} */
  #waiting = new Map();

  /**
   * @param {object} deps
   * @param {import('./store.js').ChatStore} deps.store
   * @param {(name: string, payload: unknown) => void} deps.emit
   * @param {(op: string, data: object, options?: object) => Promise<any>} deps.request a socket request
   * @param {() => boolean} deps.isLive
   */
  constructor({ store, emit, request, isLive }) {
    this.#store = store;
    this.#emit = emit;
    this.#request = request;
    this.#isLive = isLive;
  }

  /** Takes over an opened outbox and shows what it holds as pending messages. */
  attach(/** @type {import('./outbox.js').Outbox} */ outbox) {
    this.#outbox = outbox;
    for (const entry of outbox.entries()) this.#store.addPending(entry);
  }

  get attached() {
    return this.#outbox !== null;
  }

  /**
   * Queues a message; resolves with the server's message once acknowledged, rejects only when
   * the server refused it for good (the pending message then carries `failed`).
   * @param {import('./outbox.js').OutboxEntry} entry
   * @returns {Promise<import('./types.js').Message>}
   */
  async enqueue(entry) {
    if (!this.#outbox) throw new ParleyError('stopped', 'Call start() before sending');
    await this.#outbox.add(entry);
    this.#store.addPending(entry);
    this.#emit('outbox', { clientMessageId: entry.clientMessageId, conversationId: entry.conversationId, status: 'queued' });
    const acknowledged = new Promise((resolve, reject) => this.#waiting.set(entry.clientMessageId, { resolve, reject }));
    this.pump();
    return acknowledged;
  }

  /** Gives up on a pending or failed message. */
  async discard(conversationId, clientMessageId) {
    await this.#outbox?.remove(clientMessageId);
    this.#store.discardPending(conversationId, clientMessageId);
    this.#waiting.get(clientMessageId)?.reject(new ParleyError('stopped', 'The message was discarded'));
    this.#waiting.delete(clientMessageId);
  }

  /** How many messages wait for the server. */
  get size() {
    return this.#outbox?.size ?? 0;
  }

  /** Sends until the outbox is empty or the socket is not live. */
  async pump() {
    if (this.#running || !this.#outbox) return;
    this.#running = true;
    clearTimeout(this.#retryTimer);
    try {
      while (this.#isLive()) {
        const entry = this.#outbox.entries()[0];
        if (!entry) break;
        const stop = await this.#sendOne(entry);
        if (stop) break;
      }
    } finally {
      this.#running = false;
    }
  }

  cancel() {
    clearTimeout(this.#retryTimer);
  }

  /** @returns {Promise<boolean>} true when the pump should stop for now */
  async #sendOne(entry) {
    const { clientMessageId, conversationId } = entry;
    try {
      const result = await this.#request('message.send', { ...entry.body, conversationId, clientMessageId });
      await this.#outbox.remove(clientMessageId);
      this.#store.confirmPending(clientMessageId, result.message);
      this.#emit('outbox', { clientMessageId, conversationId, status: 'sent', message: result.message });
      this.#waiting.get(clientMessageId)?.resolve(result.message);
      this.#waiting.delete(clientMessageId);
      return false;
    } catch (error) {
      if (error?.retryable) {
        if (error.code !== 'disconnected') {
          // Live but not answered (timeout, rate limit, server trouble): try again a little later.
          this.#retryTimer = setTimeout(() => this.pump(), error.retryAfterMs ?? 2_000);
        }
        return true;
      }
      await this.#outbox.remove(clientMessageId);
      this.#store.failPending(conversationId, clientMessageId, error);
      this.#emit('outbox', { clientMessageId, conversationId, status: 'failed', error });
      this.#waiting.get(clientMessageId)?.reject(error);
      this.#waiting.delete(clientMessageId);
      return false;
    }
  }
}
