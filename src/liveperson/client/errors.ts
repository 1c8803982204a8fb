/**
 * Typed LivePerson errors. Each carries `userMessage`: a sentence safe to show in Slack (no ids of
 * credentials, no upstream bodies). The raw upstream body goes to the log only, via `detail`.
 */

export type LivePersonErrorKind = 'auth' | 'rate-limited' | 'invalid-request' | 'unavailable' | 'timeout';

export abstract class LivePersonError extends Error {
  abstract readonly kind: LivePersonErrorKind;
  /** A sentence a Slack user can read and act on. */
  readonly userMessage: string;
  /** HTTP status when the error came from an HTTP answer. */
  readonly status: number | undefined;
  /** Upstream body or lower-level cause, for the log only. */
  readonly detail: string | undefined;

  constructor(userMessage: string, opts: { status?: number; detail?: string; cause?: unknown } = {}) {
    super(userMessage, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.userMessage = userMessage;
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
  constructor(
    userMessage: string,
    opts: { status?: number; detail?: string; retryAfterSeconds?: number } = {},
  ) {
    super(userMessage, opts);
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }
}

/** The request itself is wrong (ours or LivePerson's 4xx): retrying cannot help. */
export class LivePersonInvalidRequestError extends LivePersonError {
  readonly kind = 'invalid-request';
  override name = 'LivePersonInvalidRequestError';
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
