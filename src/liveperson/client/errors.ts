/**
 * Typed LivePerson errors. The kind says what happened (the views choose the sentence a user
 * reads); `message` and `detail` are for the log only, `detail` carrying the (redacted) upstream
 * body. Only an invalid request carries text meant for a reader: LivePerson's own `reason`.
 */

export type LivePersonErrorKind = 'auth' | 'rate-limited' | 'invalid-request' | 'unavailable' | 'timeout';

export abstract class LivePersonError extends Error {
  abstract readonly kind: LivePersonErrorKind;
  /** HTTP status when the error came from an HTTP answer. */
  readonly status: number | undefined;
  /** Upstream body or lower-level cause, for the log only. */
  readonly detail: string | undefined;

  constructor(message: string, opts: { status?: number; detail?: string; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.status = opts.status;
    this.detail = opts.detail;
  }
}

/** 401/403: credentials wrong, expired, or the key lacks the permission. */
export class LivePersonAuthError extends LivePersonError {
  readonly kind = 'auth';
  override name = 'LivePersonAuthError';
}

/** 429 after the retry budget: LivePerson asked us to slow down. */
export class LivePersonRateLimitedError extends LivePersonError {
  readonly kind = 'rate-limited';
  override name = 'LivePersonRateLimitedError';
  /** Seconds LivePerson asked us to wait, when it said. */
  readonly retryAfterSeconds: number | undefined;
  constructor(message: string, opts: { status?: number; detail?: string; retryAfterSeconds?: number } = {}) {
    super(message, opts);
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }
}

/** The request itself is wrong (ours or LivePerson's 4xx): retrying cannot help. */
export class LivePersonInvalidRequestError extends LivePersonError {
  readonly kind = 'invalid-request';
  override name = 'LivePersonInvalidRequestError';
  /** Why the request was refused, as LivePerson (or our identical pre-flight check) put it. */
  readonly reason: string | undefined;
  constructor(
    message: string,
    opts: { status?: number; detail?: string; cause?: unknown; reason?: string } = {},
  ) {
    super(message, opts);
    this.reason = opts.reason;
  }
}

/** 5xx, connection refused/reset, malformed answers, after retries. */
export class LivePersonUnavailableError extends LivePersonError {
  readonly kind = 'unavailable';
  override name = 'LivePersonUnavailableError';
}

/** The per-call time budget ran out. */
export class LivePersonTimeoutError extends LivePersonError {
  readonly kind = 'timeout';
  override name = 'LivePersonTimeoutError';
}

export function isLivePersonError(e: unknown): e is LivePersonError {
  return e instanceof LivePersonError;
}
