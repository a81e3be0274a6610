// Errors of the Parley SDK: one class for server refusals (REST and socket share the codes) and
// for the client's own failures (network, timeout, disconnected).

/**
 * Error codes. The server's codes are those of the REST API's `ErrorCode`; the SDK adds its own:
 * `network` (the server could not be reached), `timeout` (no reply in time), `disconnected` (the
 * socket closed before the reply), `stopped` (the client was stopped).
 * @typedef {'validation_failed'|'unauthenticated'|'forbidden'|'not_found'|'conflict'|'payload_too_large'
 *   |'unsupported_media_type'|'rate_limited'|'internal'|'unavailable'
 *   |'network'|'timeout'|'disconnected'|'stopped'} ErrorCode
 */

/** @typedef {{field: string, message: string}} FieldError */

/** A failed call: a refusal by the server or a failure on the way. */
export class ParleyError extends Error {
  /**
   * @param {ErrorCode|string} code
   * @param {string} message
   * @param {{status?: number, details?: FieldError[], retryAfterMs?: number, cause?: unknown}} [extra]
   */
  constructor(code, message, extra = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'ParleyError';
    /** @type {ErrorCode|string} */
    this.code = code;
    /** HTTP status for REST refusals; undefined otherwise. */
    this.status = extra.status;
    /** @type {FieldError[]} */
    this.details = extra.details ?? [];
    /** From a 429's `Retry-After`, in milliseconds. */
    this.retryAfterMs = extra.retryAfterMs;
  }

  /**
   * Whether the same request may succeed later unchanged: the server was unreachable, busy or
   * failed, or the answer was lost. Refusals of the request itself (validation, permissions,
   * missing targets, conflicts) are final.
   */
  get retryable() {
    return RETRYABLE.has(this.code);
  }

  /** @param {{code?: string, message?: string, details?: FieldError[]}|undefined} body the REST/socket error object */
  static fromServer(body, status) {
    const code = body?.code ?? (status >= 500 ? 'internal' : 'http_' + status);
    return new ParleyError(code, body?.message ?? `The server answered ${status ?? 'an error'}`,
      { status, details: Array.isArray(body?.details) ? body.details : [] });
  }
}

const RETRYABLE = new Set(['network', 'timeout', 'disconnected', 'rate_limited', 'internal', 'unavailable']);
