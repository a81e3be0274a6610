// Batched `delivered` acknowledgements: messages from others are noted as they arrive, and a
// little later one `delivered` per conversation names the highest seq seen.

export class DeliveredAcks {
  #send;
  #delayMs;
  /** @type {Map<string, number>} the highest seq to acknowledge, per conversation */
  #due = new Map();
  /** @type {Map<string, number>} the highest seq the server confirmed, per conversation */
  #acked = new Map();
  #timer = null;

  /**
   * @param {object} options
   * @param {(conversationId: string, seq: number) => Promise<unknown>} options.send fails while offline
   * @param {number} [options.delayMs] how long to gather before sending; default 250 ms
   */
  constructor({ send, delayMs = 250 }) {
    this.#send = send;
    this.#delayMs = delayMs;
  }

  /** A message from someone else arrived in the conversation. */
  note(conversationId, seq) {
    if (seq <= Math.max(this.#due.get(conversationId) ?? 0, this.#acked.get(conversationId) ?? 0)) return;
    this.#due.set(conversationId, seq);
    if (this.#timer === null) this.#timer = setTimeout(() => this.flush(), this.#delayMs);
  }

  /** The server already knows this position (my read marker moved past it, say). */
  known(conversationId, seq) {
    if (seq > (this.#acked.get(conversationId) ?? 0)) this.#acked.set(conversationId, seq);
    if ((this.#due.get(conversationId) ?? 0) <= seq) this.#due.delete(conversationId);
  }

  /** Sends what is due now; what fails stays due for the next flush. */
  flush() {
    clearTimeout(this.#timer);
    this.#timer = null;
    const due = [...this.#due];
    this.#due.clear();
    for (const [conversationId, seq] of due) {
      this.#send(conversationId, seq).then(
        (result) => this.known(conversationId, Math.max(seq, result?.deliveredSeq ?? 0)),
        (error) => {
          // Offline or refused: keep it due unless something newer was noted meanwhile. A refused
          // conversation (left, not found) is dropped.
          if (error?.retryable && seq > (this.#due.get(conversationId) ?? 0)) this.#due.set(conversationId, seq);
        },
      );
    }
  }

  /** Forgets a conversation (I left it). */
  forget(conversationId) {
    this.#due.delete(conversationId);
    this.#acked.delete(conversationId);
  }

  cancel() {
    clearTimeout(this.#timer);
    this.#timer = null;
  }
}
