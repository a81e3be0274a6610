// Reconnect policy: what a close code asks for (protocol.md, "Close codes") and how long to wait.

/**
 * What to do after the socket closed.
 * - `stop`: stay closed (1000 asked for it; 4403 forbidden).
 * - `reconnect`: wait with backoff, reconnect and resume (1001, 1009, 1011, 40xx, and network failures).
 * - `reconnect-now`: reconnect at once and resume (4000, slow consumer).
 * - `reauth`: fetch a fresh token first, then reconnect (41xx).
 * - `unauthenticated`: the credentials were refused (4401); only a different token may be tried.
 * @typedef {'stop'|'reconnect'|'reconnect-now'|'reauth'|'unauthenticated'} CloseAction
 */

/**
 * @param {number} code the WebSocket close code (1006 when the connection just broke)
 * @returns {CloseAction}
 */
export function closeAction(code) {
  if (code === 1000) return 'stop';
  if (code === 4000) return 'reconnect-now';
  if (code >= 4000 && code < 4100) return 'reconnect';
  if (code >= 4100 && code < 4200) return 'reauth';
  if (code === 4401) return 'unauthenticated';
  if (code >= 4400 && code < 4500) return 'stop';
  return 'reconnect';
}

/**
 * Exponential backoff with full jitter: a uniformly random delay between 0 and
 * `min(maxMs, baseMs * 2^attempt)`.
 * @param {number} attempt 0 for the first retry
 * @param {{baseMs?: number, maxMs?: number}} [options]
 * @param {() => number} [random] a source of numbers in [0, 1)
 * @returns {number} milliseconds
 */
export function backoffDelay(attempt, options = {}, random = Math.random) {
  const baseMs = options.baseMs ?? 500;
  const maxMs = options.maxMs ?? 30_000;
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(attempt, 0), 30));
  return Math.floor(random() * ceiling);
}
