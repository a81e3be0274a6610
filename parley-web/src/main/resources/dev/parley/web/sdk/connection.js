// The socket: connect, authenticate with an `auth` frame, let the owner resume, then carry
// requests (each answered once, with a timeout) and events. Reconnects after a close as its code
// asks (backoff.js), renews the token before it expires, and pings when the line is quiet.

import { ParleyError } from './errors.js';
import { backoffDelay, closeAction } from './backoff.js';

/** @typedef {import('./types.js').ConnectionState} ConnectionState */

/**
 * Called on every new connection after `auth` succeeded, before the connection counts as live;
 * it sends `resume` with `request` and resolves when the reply is in. Throwing closes the
 * connection and tries again later.
 * @callback SessionSetup
 * @param {{userId: string, request: (op: string, data?: object, options?: {timeoutMs?: number}) => Promise<any>}} session
 * @returns {Promise<void>}
 */

export class Connection {
  #url;
  #tokens;
  #onEvent;
  #onSetup;
  #onLive;
  #onState;
  #options;
  #WebSocket;
  /** @type {ConnectionState} */
  #state = 'idle';
  /** @type {WebSocket|null} */
  #ws = null;
  #pending = new Map();
  #nextId = 1;
  #stopped = true;
  #running = false;
  #wake = null;
  #attempt = 0;
  #refreshTimer = null;
  #pingTimer = null;
  #lastFrameAt = 0;
  #localAction = null;
  #userId = null;
  #onlineListener = () => this.reconnectNow();

  /**
   * @param {object} options
   * @param {string} options.url the socket URL (`ws://…/ws` or `wss://…/ws`)
   * @param {import('./tokens.js').TokenSource} options.tokens
   * @param {(frame: any) => void} options.onEvent every event frame
   * @param {SessionSetup} options.onSetup
   * @param {() => void} [options.onLive] after the setup, when the connection is live
   * @param {(state: ConnectionState, previous: ConnectionState, detail: {closeCode?: number, error?: ParleyError}) => void} [options.onState]
   * @param {{baseMs?: number, maxMs?: number}} [options.backoff]
   * @param {number} [options.requestTimeoutMs] default 15 s
   * @param {number} [options.connectTimeoutMs] default 10 s, for opening and authenticating
   * @param {number} [options.pingIntervalMs] send `ping` after this long without a frame; default 25 s
   * @param {typeof WebSocket} [options.WebSocket]
   */
  constructor(options) {
    this.#url = options.url;
    this.#tokens = options.tokens;
    this.#onEvent = options.onEvent;
    this.#onSetup = options.onSetup;
    this.#onLive = options.onLive ?? (() => {});
    this.#onState = options.onState ?? (() => {});
    this.#options = {
      backoff: options.backoff ?? {},
      requestTimeoutMs: options.requestTimeoutMs ?? 15_000,
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      pingIntervalMs: options.pingIntervalMs ?? 25_000,
    };
    this.#WebSocket = options.WebSocket ?? globalThis.WebSocket;
  }

  /** @returns {ConnectionState} */
  get state() {
    return this.#state;
  }

  /** The user the server authenticated on the current or last connection. */
  get userId() {
    return this.#userId;
  }

  /** Starts connecting (and reconnecting) until {@link stop}. */
  start() {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#attempt = 0;
    globalThis.addEventListener?.('online', this.#onlineListener);
    if (!this.#running) this.#run();
  }

  /** Closes the socket with 1000 and stays closed; pending requests fail with `stopped`. */
  stop() {
    if (this.#stopped) return;
    this.#stopped = true;
    globalThis.removeEventListener?.('online', this.#onlineListener);
    this.#closeLocal('stop', 1000, 'client stopped');
    this.#wakeUp();
  }

  /** While waiting to reconnect: try now (the network came back, the user asked). */
  reconnectNow() {
    if (this.#state !== 'waiting') return;
    this.#attempt = 0;
    this.#wakeUp();
  }

  /** Drops the current connection and connects again at once (resuming). */
  reconnect() {
    if (this.#stopped) return;
    this.#closeLocal('reconnect-now', 4000, 'client reconnects');
  }

  /**
   * Sends a request on the live connection.
   * @param {string} op
   * @param {object} [data]
   * @param {{timeoutMs?: number}} [options]
   * @returns {Promise<any>} the reply's `result`; rejects with the server's error, `timeout` or `disconnected`
   */
  request(op, data, options = {}) {
    if (this.#state !== 'live') {
      return Promise.reject(new ParleyError('disconnected', `Not connected (${this.#state}); ${op} was not sent`));
    }
    return this.#send(op, data, options.timeoutMs);
  }

  // ------------------------------------------------------------------ the connect loop

  async #run() {
    this.#running = true;
    let forceRefresh = false;
    let delay = 0;
    let renewedAfterRefusal = false;
    try {
      while (!this.#stopped) {
        if (delay > 0) {
          this.#setState('waiting');
          await this.#sleep(delay);
          if (this.#stopped) break;
        }
        this.#setState('connecting');
        const outcome = await this.#connectOnce(forceRefresh);
        forceRefresh = false;
        if (this.#stopped) break;
        if (outcome.wasLive) {
          this.#attempt = 0;
          renewedAfterRefusal = false;
        }
        const action = outcome.action ?? closeAction(outcome.code);
        this.#setState('waiting', { closeCode: outcome.code, error: outcome.error });
        if (action === 'stop') {
          this.#stopWith(outcome.error ?? new ParleyError('stopped', `The server closed the connection (${outcome.code})`));
          break;
        }
        if (action === 'unauthenticated') {
          if (!this.#tokens.renewable || renewedAfterRefusal) {
            this.#stopWith(outcome.error ?? new ParleyError('unauthenticated', 'The server refused the credentials'));
            break;
          }
          renewedAfterRefusal = true;
          forceRefresh = true;
        }
        if (action === 'reauth') forceRefresh = true;
        delay = action === 'reconnect-now' && outcome.wasLive ? 0 : backoffDelay(this.#attempt++, this.#options.backoff);
      }
    } finally {
      this.#running = false;
      this.#setState('stopped');
    }
  }

  #stopWith(error) {
    this.#stopped = true;
    globalThis.removeEventListener?.('online', this.#onlineListener);
    this.#setState('stopped', { error });
  }

  /**
   * One connection from token to close.
   * @returns {Promise<{code: number, action?: string, wasLive: boolean, error?: ParleyError}>}
   */
  async #connectOnce(forceRefresh) {
    let token;
    try {
      token = await this.#tokens.get({ forceRefresh });
    } catch (e) {
      const error = e instanceof ParleyError ? e : new ParleyError('unauthenticated', String(e?.message ?? e), { cause: e });
      const action = error.code === 'unauthenticated' || error.code === 'forbidden' ? 'stop' : 'reconnect';
      return { code: 1006, action, wasLive: false, error };
    }
    return new Promise((resolve) => {
      let ws;
      try {
        ws = new this.#WebSocket(this.#url);
      } catch (e) {
        resolve({ code: 1006, action: 'stop', wasLive: false, error: new ParleyError('network', 'Cannot open the socket', { cause: e }) });
        return;
      }
      this.#ws = ws;
      this.#localAction = null;
      let live = false;
      let error;
      const openTimer = setTimeout(() => this.#closeLocal('reconnect', 4001, 'connect timeout'), this.#options.connectTimeoutMs);
      ws.onopen = async () => {
        try {
          const auth = await this.#send('auth', { token }, this.#options.connectTimeoutMs);
          clearTimeout(openTimer);
          this.#userId = auth.userId;
          this.#scheduleRenewal(auth.expiresAt);
          this.#setState('resuming');
          await this.#onSetup({ userId: auth.userId, request: (op, data, o = {}) => this.#send(op, data, o.timeoutMs) });
          if (ws !== this.#ws || ws.readyState !== 1) return;
          live = true;
          this.#lastFrameAt = Date.now();
          this.#startPings();
          this.#setState('live');
          this.#onLive();
        } catch (e) {
          clearTimeout(openTimer);
          error = e instanceof ParleyError ? e : new ParleyError('internal', String(e?.message ?? e), { cause: e });
          const refused = error.code === 'unauthenticated';
          this.#closeLocal(refused ? 'unauthenticated' : 'reconnect', refused ? 4401 : 4000, 'setup failed');
        }
      };
      ws.onmessage = (message) => this.#onFrame(message.data);
      ws.onerror = () => {
        // A close event follows; its code tells what to do.
      };
      ws.onclose = (event) => {
        clearTimeout(openTimer);
        this.#stopTimers();
        if (this.#ws === ws) this.#ws = null;
        this.#failPending(new ParleyError('disconnected', `The socket closed (${event.code}) before the reply`));
        const action = this.#localAction ?? undefined;
        resolve({ code: event.code, action, wasLive: live, error });
      };
    });
  }

  #closeLocal(action, code, reason) {
    const ws = this.#ws;
    if (!ws) return;
    this.#localAction = action;
    try {
      ws.close(code, reason);
    } catch {
      ws.close();
    }
  }

  // ------------------------------------------------------------------ frames

  #send(op, data, timeoutMs) {
    const ws = this.#ws;
    if (!ws || ws.readyState !== 1) {
      return Promise.reject(new ParleyError('disconnected', `Not connected; ${op} was not sent`));
    }
    const id = String(this.#nextId++);
    const frame = data === undefined ? { id, op } : { id, op, data };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new ParleyError('timeout', `No reply to ${op} in time`));
      }, timeoutMs ?? this.#options.requestTimeoutMs);
      this.#pending.set(id, { resolve, reject, timer });
      try {
        ws.send(JSON.stringify(frame));
      } catch (e) {
        clearTimeout(timer);
        this.#pending.delete(id);
        reject(new ParleyError('disconnected', `Could not send ${op}`, { cause: e }));
      }
    });
  }

  #onFrame(text) {
    this.#lastFrameAt = Date.now();
    let frame;
    try {
      frame = JSON.parse(text);
    } catch {
      return; // not ours to judge; the server only sends JSON
    }
    if (frame.type === 'event') {
      this.#onEvent(frame);
      return;
    }
    if (frame.type !== 'ok' && frame.type !== 'error') return;
    if (frame.id == null) {
      console.warn('Parley: the server refused a frame', frame.error);
      return;
    }
    const pending = this.#pending.get(frame.id);
    if (!pending) return;
    this.#pending.delete(frame.id);
    clearTimeout(pending.timer);
    if (frame.type === 'ok') pending.resolve(frame.result ?? {});
    else pending.reject(ParleyError.fromServer(frame.error));
  }

  #failPending(error) {
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const p of pending) {
      clearTimeout(p.timer);
      p.reject(error);
    }
  }

  // ------------------------------------------------------------------ timers

  /** Renews the token on the live connection before it expires. */
  #scheduleRenewal(expiresAt) {
    clearTimeout(this.#refreshTimer);
    const expires = Date.parse(expiresAt);
    if (!Number.isFinite(expires) || !this.#tokens.renewable) return;
    const lifetime = expires - Date.now();
    const lead = Math.min(60_000, Math.max(5_000, lifetime * 0.2));
    this.#refreshTimer = setTimeout(() => this.#renew(expires), Math.max(0, lifetime - lead));
  }

  async #renew(expires) {
    const ws = this.#ws;
    try {
      const token = await this.#tokens.get({ forceRefresh: true });
      if (ws !== this.#ws) return;
      const auth = await this.#send('auth', { token });
      this.#scheduleRenewal(auth.expiresAt);
    } catch (e) {
      if (ws !== this.#ws) return;
      if (e?.code === 'unauthenticated') {
        this.#closeLocal('reauth', 4100, 'token renewal refused');
      } else if (Date.now() < expires - 2_000) {
        this.#refreshTimer = setTimeout(() => this.#renew(expires), 2_000);
      }
    }
  }

  #startPings() {
    clearInterval(this.#pingTimer);
    const every = this.#options.pingIntervalMs;
    this.#pingTimer = setInterval(() => {
      if (Date.now() - this.#lastFrameAt < every) return;
      const ws = this.#ws;
      this.#send('ping', undefined, Math.min(10_000, every)).catch(() => {
        if (ws === this.#ws) this.#closeLocal('reconnect', 4001, 'no answer to ping');
      });
    }, Math.max(1_000, Math.floor(every / 2)));
  }

  #stopTimers() {
    clearTimeout(this.#refreshTimer);
    clearInterval(this.#pingTimer);
  }

  #sleep(ms) {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#wake = null;
        resolve();
      }, ms);
      this.#wake = () => {
        clearTimeout(timer);
        this.#wake = null;
        resolve();
      };
    });
  }

  #wakeUp() {
    this.#wake?.();
  }

  #setState(state, detail = {}) {
    if (state === this.#state && !detail.error) return;
    const previous = this.#state;
    this.#state = state;
    this.#onState(state, previous, detail);
  }
}
