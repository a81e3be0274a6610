// A small synchronous event emitter; listeners that throw are reported, never break the emitter.

/** Listeners by event name; `'*'` receives every event as (name, payload). */
export class Emitter {
  /** @type {Map<string, Set<Function>>} */
  #listeners = new Map();

  /**
   * @param {string} name
   * @param {Function} listener
   * @returns {() => void} removes the listener
   */
  on(name, listener) {
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    let set = this.#listeners.get(name);
    if (!set) this.#listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => this.off(name, listener);
  }

  /** Like {@link on}, for one call only. */
  once(name, listener) {
    const off = this.on(name, (...args) => {
      off();
      listener(...args);
    });
    return off;
  }

  off(name, listener) {
    this.#listeners.get(name)?.delete(listener);
  }

  /** Calls the listeners of `name`, then the `'*'` listeners with the name first. */
  emit(name, payload) {
    for (const listener of [...(this.#listeners.get(name) ?? [])]) safeCall(listener, payload);
    if (name !== '*') for (const listener of [...(this.#listeners.get('*') ?? [])]) safeCall(listener, name, payload);
  }
}

function safeCall(listener, ...args) {
  try {
    listener(...args);
  } catch (e) {
    // A broken listener must not stop the others, nor the socket that delivers events.
    console.error('Parley: an event listener threw', e);
  }
}
