/**
 * Errors from the layers below as domain problems (what the user is told) and as one log line
 * (what the operator reads). Never the error object itself: an HTTP client's causes can carry
 * Authorization headers or a login body.
 */
import type { Problem } from '../domain/problem';
import { isLivePersonError, LivePersonRateLimitedError } from '../liveperson/client/errors';

/** The problem to tell the user about, for any error. */
export function problemOf(error: unknown): Problem {
  if (!isLivePersonError(error)) return { kind: 'internal' };
  switch (error.kind) {
    case 'rate-limited': {
      const s = error instanceof LivePersonRateLimitedError ? error.retryAfterSeconds : undefined;
      return s !== undefined && s > 0
        ? { kind: 'rate-limited', retryAfterSeconds: s }
        : { kind: 'rate-limited' };
    }
    case 'unavailable':
      return { kind: 'unavailable' };
    case 'timeout':
      return { kind: 'timeout' };
    case 'auth':
      return { kind: 'auth' };
    case 'invalid-request':
      return 'reason' in error && typeof error.reason === 'string'
        ? { kind: 'invalid-request', reason: error.reason }
        : { kind: 'invalid-request' };
  }
}

/** One log line for an error: kind, status and the (already redacted) upstream detail, or the stack. */
export function describeError(error: unknown): string {
  if (isLivePersonError(error)) {
    const status = error.status === undefined ? '' : ` HTTP ${error.status}`;
    return `${error.name} (${error.kind}${status}): ${error.detail ?? error.message}`;
  }
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
