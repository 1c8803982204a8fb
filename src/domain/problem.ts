/**
 * Why an answer could not be given, as data: the views turn each kind into a sentence a lead can
 * act on, and logs carry the detail. Nothing here is shown verbatim except `reason`, which is the
 * data source's own explanation of a refused request.
 */
export type Problem =
  /** The data source asked us to slow down. */
  | { kind: 'rate-limited'; retryAfterSeconds?: number }
  /** It failed or could not be reached, after retries. */
  | { kind: 'unavailable' }
  /** The answer's time budget ran out while it was still working. */
  | { kind: 'timeout' }
  /** Our credentials were refused, or lack a permission. */
  | { kind: 'auth' }
  /** The request itself was refused; `reason` is the source's explanation when it gave one. */
  | { kind: 'invalid-request'; reason?: string }
  /** A button from an older or altered message. */
  | { kind: 'stale-action' }
  /** The answer would break Slack's message limits. */
  | { kind: 'too-big' }
  /** Anything else: a bug on our side. */
  | { kind: 'internal' };
