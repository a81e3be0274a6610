// Per-conversation ordering of persisted events: drops what was applied already (by
// conversationId and seq), holds back events that arrive ahead of a gap, and tells when a gap or
// an unknown conversation needs a resume or a reload. Pure: no timers, no network.

/** @typedef {import('./types.js').PersistedEvent} PersistedEvent */

/**
 * What to do after an event arrived.
 * @typedef {object} Accepted
 * @property {PersistedEvent[]} apply the events to apply now, in seq order (possibly empty)
 * @property {boolean} duplicate the event was applied or held already
 * @property {boolean} gap events are missing before the held ones: resume this conversation
 * @property {boolean} unknown no position is known for the conversation: load it, then {@link Sequencer#setPosition}
 */

export class Sequencer {
  /** @type {Map<string, {position: number|null, held: Map<number, PersistedEvent>}>} */
  #conversations = new Map();
  #maxHeld;

  /** @param {{maxHeld?: number}} [options] how many events to hold per conversation before giving up on them */
  constructor({ maxHeld = 10_000 } = {}) {
    this.#maxHeld = maxHeld;
  }

  /** The seq up to which every event of the conversation was applied, or undefined if unknown. */
  position(conversationId) {
    return this.#conversations.get(conversationId)?.position ?? undefined;
  }

  /** `{conversationId: lastSeq}` of every conversation with a known position, for `resume`. */
  positions() {
    const result = {};
    for (const [id, entry] of this.#conversations) if (entry.position != null) result[id] = entry.position;
    return result;
  }

  /** Whether events are held back behind a gap in the conversation. */
  hasGap(conversationId) {
    const entry = this.#conversations.get(conversationId);
    return entry != null && entry.position != null && entry.held.size > 0;
  }

  /**
   * Takes one event off the wire.
   * @param {PersistedEvent} event
   * @returns {Accepted}
   */
  accept(event) {
    const entry = this.#entry(event.conversationId);
    if (entry.position != null && event.seq <= entry.position) return result([], true);
    if (entry.held.has(event.seq)) return result([], true);
    if (entry.position == null) {
      this.#hold(entry, event);
      return { ...result([], false), unknown: true };
    }
    if (event.seq === entry.position + 1) {
      entry.position = event.seq;
      const apply = [event, ...this.#drain(entry)];
      return { ...result(apply, false), gap: entry.held.size > 0 };
    }
    this.#hold(entry, event);
    return { ...result([], false), gap: true };
  }

  /**
   * Sets the position from a source of truth (a REST load, a resume reply): events up to `seq`
   * are reflected there. Returns the held events that now follow in order.
   * @returns {{apply: PersistedEvent[], gap: boolean}}
   */
  setPosition(conversationId, seq) {
    const entry = this.#entry(conversationId);
    entry.position = seq;
    for (const held of entry.held.keys()) if (held <= seq) entry.held.delete(held);
    const apply = this.#drain(entry);
    return { apply, gap: entry.held.size > 0 };
  }

  /** Forgets the position (the conversation is being reloaded); events are held until {@link setPosition}. */
  markUnknown(conversationId) {
    this.#entry(conversationId).position = null;
  }

  /** Forgets the conversation entirely (I left it or was removed). */
  forget(conversationId) {
    this.#conversations.delete(conversationId);
  }

  #entry(conversationId) {
    let entry = this.#conversations.get(conversationId);
    if (!entry) this.#conversations.set(conversationId, (entry = { position: null, held: new Map() }));
    return entry;
  }

  #hold(entry, event) {
    if (entry.held.size >= this.#maxHeld) {
      // Too far ahead to keep everything: keep the oldest held events, the rest come back on resume.
      return;
    }
    entry.held.set(event.seq, event);
  }

  #drain(entry) {
    const apply = [];
    let next;
    while ((next = entry.held.get(entry.position + 1)) !== undefined) {
      entry.held.delete(entry.position + 1);
      entry.position += 1;
      apply.push(next);
    }
    return apply;
  }
}

function result(apply, duplicate) {
  return { apply, duplicate, gap: false, unknown: false };
}
