// Typing notifications with the protocol's throttle: `typing.start` at most every 3 seconds per
// conversation while the user types (the server keeps a typer for 5 seconds), `typing.stop`
// once when done.

export class TypingThrottle {
  #send;
  #intervalMs;
  #now;
  /** @type {Map<string, number>} when typing.start was last sent, per conversation */
  #started = new Map();

  /**
   * @param {object} options
   * @param {(op: 'typing.start'|'typing.stop', conversationId: string) => Promise<unknown>} options.send
   * @param {number} [options.intervalMs] default 3000
   * @param {() => number} [options.now]
   */
  constructor({ send, intervalMs = 3_000, now = Date.now }) {
    this.#send = send;
    this.#intervalMs = intervalMs;
    this.#now = now;
  }

  /**
   * The user typed in the conversation (call it on every keystroke).
   * @returns {boolean} whether a `typing.start` went out
   */
  typing(conversationId) {
    const now = this.#now();
    const last = this.#started.get(conversationId);
    if (last !== undefined && now - last < this.#intervalMs) return false;
    this.#started.set(conversationId, now);
    this.#send('typing.start', conversationId).catch(() => this.#started.delete(conversationId));
    return true;
  }

  /**
   * The user stopped typing (sent the message, cleared the field, left).
   * @returns {boolean} whether a `typing.stop` went out
   */
  stop(conversationId) {
    if (!this.#started.delete(conversationId)) return false;
    this.#send('typing.stop', conversationId).catch(() => {});
    return true;
  }

  /** Forgets every conversation (the connection was lost: the server drops typers itself). */
  reset() {
    this.#started.clear();
  }
}
