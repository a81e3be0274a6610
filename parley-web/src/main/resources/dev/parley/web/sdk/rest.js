// The REST routes the SDK needs (docs/api/openapi.yaml), over fetch, with the bearer token of a
// TokenSource. A 401 makes it ask once for a fresh token and retry.

import { ParleyError } from './errors.js';

/** @typedef {import('./types.js').Message} Message */
/** @typedef {import('./types.js').ConversationSummary} ConversationSummary */

const API = '/api/v1';

export class RestClient {
  #baseUrl;
  #tokens;
  #fetch;

  /**
   * @param {object} options
   * @param {string} options.baseUrl the server, e.g. `https://chat.example.org`
   * @param {import('./tokens.js').TokenSource} [options.tokens] required for authenticated routes
   * @param {typeof fetch} [options.fetch]
   */
  constructor({ baseUrl, tokens, fetch: fetchImpl }) {
    this.#baseUrl = baseUrl.replace(/\/+$/, '');
    this.#tokens = tokens;
    this.#fetch = fetchImpl ?? globalThis.fetch.bind(globalThis);
  }

  /**
   * One call. Resolves with the parsed JSON body (null for 204), rejects with a ParleyError.
   * @param {'GET'|'POST'|'PUT'|'PATCH'|'DELETE'} method
   * @param {string} path below the server root, e.g. `/api/v1/users/me`
   * @param {{body?: unknown, query?: Record<string, unknown>, auth?: boolean, signal?: AbortSignal}} [options]
   */
  async call(method, path, { body, query, auth = true, signal } = {}) {
    const url = this.#baseUrl + path + queryString(query);
    let token = auth ? await this.#token(false) : undefined;
    let response = await this.#send(method, url, body, token, signal);
    if (response.status === 401 && auth && this.#tokens?.renewable) {
      token = await this.#token(true);
      response = await this.#send(method, url, body, token, signal);
    }
    return parse(response);
  }

  async #token(forceRefresh) {
    if (!this.#tokens) throw new ParleyError('unauthenticated', 'This call needs credentials');
    return this.#tokens.get({ forceRefresh });
  }

  async #send(method, url, body, token, signal) {
    const headers = { Accept: 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      return await this.#fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
    } catch (e) {
      if (e?.name === 'AbortError') throw e;
      throw new ParleyError('network', `Cannot reach the server (${method} ${url})`, { cause: e });
    }
  }

  // ---------------------------------------------------------------- auth

  /** @returns {Promise<import('./tokens.js').TokenResponse>} */
  register({ username, password, displayName, email }) {
    return this.call('POST', `${API}/auth/register`, { auth: false, body: { username, password, displayName, email } });
  }

  /** @returns {Promise<import('./tokens.js').TokenResponse>} */
  login(username, password) {
    return this.call('POST', `${API}/auth/login`, { auth: false, body: { username, password } });
  }

  /** @returns {Promise<import('./tokens.js').TokenResponse>} */
  refresh(refreshToken) {
    return this.call('POST', `${API}/auth/refresh`, { auth: false, body: { refreshToken } });
  }

  logout() {
    return this.call('POST', `${API}/auth/logout`);
  }

  // ---------------------------------------------------------------- users

  /** @returns {Promise<import('./types.js').User>} */
  me() {
    return this.call('GET', `${API}/users/me`);
  }

  /** @returns {Promise<import('./types.js').User>} */
  user(userId) {
    return this.call('GET', `${API}/users/${seg(userId)}`);
  }

  /** @returns {Promise<{items: import('./types.js').User[]}>} */
  searchUsers(q, limit) {
    return this.call('GET', `${API}/users`, { query: { q, limit } });
  }

  // ---------------------------------------------------------------- conversations

  /**
   * One page of my conversations.
   * @param {{kind?: string, archived?: boolean, pinned?: boolean, q?: string, includeHidden?: boolean, cursor?: string, limit?: number}} [query]
   * @returns {Promise<{items: ConversationSummary[], nextCursor: string|null}>}
   */
  conversations(query = {}) {
    return this.call('GET', `${API}/conversations`, { query });
  }

  /**
   * Every conversation I belong to, active and archived, hidden ones included.
   * @returns {Promise<ConversationSummary[]>}
   */
  async allConversations() {
    const all = [];
    for (const archived of [false, true]) {
      let cursor;
      do {
        const page = await this.conversations({ archived, includeHidden: true, limit: 100, cursor });
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }
    return all;
  }

  /** @returns {Promise<import('./types.js').ConversationDetails>} */
  conversation(conversationId) {
    return this.call('GET', `${API}/conversations/${seg(conversationId)}`);
  }

  /**
   * @param {{kind: 'group'|'course'|'announcement', title: string, description?: string, avatarUrl?: string, courseId?: string, members?: {userId: string, role?: string}[]}} body
   * @returns {Promise<import('./types.js').Conversation>}
   */
  createConversation(body) {
    return this.call('POST', `${API}/conversations`, { body });
  }

  /** @returns {Promise<import('./types.js').Conversation>} */
  openDirect(userId) {
    return this.call('POST', `${API}/conversations/direct`, { body: { userId } });
  }

  /** @returns {Promise<{items: import('./types.js').Member[]}>} */
  addMembers(conversationId, userIds, role) {
    return this.call('POST', `${API}/conversations/${seg(conversationId)}/members`, { body: { userIds, role } });
  }

  removeMember(conversationId, userId) {
    return this.call('DELETE', `${API}/conversations/${seg(conversationId)}/members/${seg(userId)}`);
  }

  leave(conversationId) {
    return this.call('POST', `${API}/conversations/${seg(conversationId)}/leave`);
  }

  /** @returns {Promise<import('./types.js').MemberSettings>} */
  updateSettings(conversationId, settings) {
    return this.call('PATCH', `${API}/conversations/${seg(conversationId)}/settings`, { body: settings });
  }

  /** @returns {Promise<{readSeq: number}>} */
  markRead(conversationId, seq) {
    return this.call('POST', `${API}/conversations/${seg(conversationId)}/read`, { body: seq == null ? {} : { seq } });
  }

  /** @returns {Promise<{deliveredSeq: number}>} */
  markDelivered(conversationId, seq) {
    return this.call('POST', `${API}/conversations/${seg(conversationId)}/delivered`, { body: seq == null ? {} : { seq } });
  }

  // ---------------------------------------------------------------- messages

  /**
   * One page of history in ascending seq.
   * @param {string} conversationId
   * @param {{before?: number, after?: number, around?: string, firstUnread?: boolean, thread?: string, limit?: number, markRead?: boolean}} [query]
   * @returns {Promise<import('./types.js').MessageHistory>}
   */
  history(conversationId, query = {}) {
    return this.call('GET', `${API}/conversations/${seg(conversationId)}/messages`, { query });
  }

  /**
   * @param {string} conversationId
   * @param {import('./types.js').NewMessage & {clientMessageId: string}} body
   * @returns {Promise<Message>}
   */
  sendMessage(conversationId, body) {
    return this.call('POST', `${API}/conversations/${seg(conversationId)}/messages`, { body });
  }

  /** @returns {Promise<Message>} */
  message(messageId) {
    return this.call('GET', `${API}/messages/${seg(messageId)}`);
  }

  /** @returns {Promise<Message>} */
  editMessage(messageId, { text, mentions, mentionAll }) {
    return this.call('PATCH', `${API}/messages/${seg(messageId)}`, { body: { text, mentions, mentionAll } });
  }

  /** @returns {Promise<Message>} */
  deleteMessage(messageId) {
    return this.call('DELETE', `${API}/messages/${seg(messageId)}`);
  }

  addReaction(messageId, emoji) {
    return this.call('PUT', `${API}/messages/${seg(messageId)}/reactions/${seg(emoji)}`);
  }

  removeReaction(messageId, emoji) {
    return this.call('DELETE', `${API}/messages/${seg(messageId)}/reactions/${seg(emoji)}`);
  }

  pin(messageId) {
    return this.call('PUT', `${API}/messages/${seg(messageId)}/pin`);
  }

  unpin(messageId) {
    return this.call('DELETE', `${API}/messages/${seg(messageId)}/pin`);
  }

  /** @returns {Promise<Message>} */
  forward(messageId, conversationId, clientMessageId) {
    return this.call('POST', `${API}/messages/${seg(messageId)}/forward`, { body: { conversationId, clientMessageId } });
  }

  /** @returns {Promise<{items: Message[]}>} */
  pins(conversationId) {
    return this.call('GET', `${API}/conversations/${seg(conversationId)}/pins`);
  }

  /**
   * @param {{q: string, conversationId?: string, senderId?: string, type?: string, from?: string, to?: string, cursor?: string, limit?: number}} query
   */
  search(query) {
    return this.call('GET', `${API}/search`, { query });
  }
}

function seg(value) {
  if (typeof value !== 'string' || value === '') throw new ParleyError('validation_failed', 'An id is required');
  return encodeURIComponent(value);
}

function queryString(query) {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.append(key, String(value));
  }
  const text = params.toString();
  return text ? '?' + text : '';
}

async function parse(response) {
  if (response.status === 204) return null;
  const text = await response.text();
  let body = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (response.ok) return body;
  const error = ParleyError.fromServer(body?.error, response.status);
  const retryAfter = Number(response.headers.get('Retry-After'));
  if (Number.isFinite(retryAfter) && retryAfter > 0) error.retryAfterMs = retryAfter * 1000;
  return Promise.reject(error);
}
