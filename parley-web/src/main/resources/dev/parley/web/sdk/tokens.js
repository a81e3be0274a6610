// Where the SDK's access tokens come from: a fixed token, the application's callback, or a
// session of the built-in accounts (login/register) that refreshes itself.

import { ParleyError } from './errors.js';

/**
 * The tokens of a built-in account session, as `/auth/login`, `/auth/register` and
 * `/auth/refresh` return them.
 * @typedef {object} TokenResponse
 * @property {import('./types.js').User} user
 * @property {string} accessToken
 * @property {string} refreshToken
 * @property {number} expiresIn seconds until the access token expires
 * @property {string} sessionId
 */

/**
 * The application's token callback. `forceRefresh` is true when the server refused or expired
 * the previous token: return a new one (or throw to give up).
 * @callback GetToken
 * @param {{forceRefresh: boolean}} request
 * @returns {string|Promise<string>}
 */

/** Refresh this long before a session's access token expires. */
const SESSION_REFRESH_LEAD_MS = 30_000;

export class TokenSource {
  #token;
  #getToken;
  #refresh;
  #onSession;
  /** @type {{accessToken: string, refreshToken: string, expiresAt: number}|null} */
  #session = null;
  /** @type {Promise<string>|null} */
  #refreshing = null;

  /**
   * @param {object} options
   * @param {string} [options.token] a fixed access token
   * @param {GetToken} [options.getToken]
   * @param {(refreshToken: string) => Promise<TokenResponse>} options.refresh swaps a refresh token
   * @param {(session: TokenResponse) => void} [options.onSession] told about every new session token pair
   */
  constructor({ token, getToken, refresh, onSession }) {
    if (token !== undefined && getToken !== undefined) throw new TypeError('Give either token or getToken, not both');
    if (token !== undefined && (typeof token !== 'string' || token === '')) throw new TypeError('token must be a non-empty string');
    if (getToken !== undefined && typeof getToken !== 'function') throw new TypeError('getToken must be a function');
    this.#token = token;
    this.#getToken = getToken;
    this.#refresh = refresh;
    this.#onSession = onSession;
  }

  /** True when some source of tokens is configured. */
  get configured() {
    return this.#token !== undefined || this.#getToken !== undefined || this.#session !== null;
  }

  /** Whether asking again may give a different token than the last one. */
  get renewable() {
    return this.#getToken !== undefined || this.#session !== null;
  }

  /** Switches to a built-in account session (after login or register). */
  useSession(/** @type {TokenResponse} */ response, now = Date.now()) {
    this.#token = undefined;
    this.#getToken = undefined;
    this.#session = {
      accessToken: response.accessToken,
      refreshToken: response.refreshToken,
      expiresAt: now + response.expiresIn * 1000,
    };
    this.#onSession?.(response);
  }

  /** Forgets every credential (after logout). */
  clear() {
    this.#token = undefined;
    this.#getToken = undefined;
    this.#session = null;
  }

  /**
   * The access token to use now.
   * @param {{forceRefresh?: boolean}} [request]
   * @returns {Promise<string>}
   */
  async get({ forceRefresh = false } = {}) {
    if (this.#session) {
      if (!forceRefresh && this.#session.expiresAt - Date.now() > SESSION_REFRESH_LEAD_MS) return this.#session.accessToken;
      return this.#refreshSession();
    }
    if (this.#getToken) {
      const token = await this.#getToken({ forceRefresh });
      if (typeof token !== 'string' || token === '') throw new ParleyError('unauthenticated', 'getToken returned no token');
      return token;
    }
    if (this.#token !== undefined) return this.#token;
    throw new ParleyError('unauthenticated', 'No credentials: pass token or getToken, or log in');
  }

  #refreshSession() {
    if (!this.#refreshing) {
      const refreshToken = this.#session.refreshToken;
      this.#refreshing = this.#refresh(refreshToken)
        .then((response) => {
          this.useSession(response);
          return response.accessToken;
        })
        .finally(() => {
          this.#refreshing = null;
        });
    }
    return this.#refreshing;
  }
}

/**
 * The unverified claims of a JWT (`sub`, `iss`, `exp`…), or null when `token` is not one.
 * Used only to tell apart the stored outboxes of different users, never to trust anything.
 * @param {string} token
 * @returns {Record<string, unknown>|null}
 */
export function peekClaims(token) {
  const parts = typeof token === 'string' ? token.split('.') : [];
  if (parts.length !== 3) return null;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes));
    return claims && typeof claims === 'object' ? claims : null;
  } catch {
    return null;
  }
}
