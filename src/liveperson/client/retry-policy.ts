/**
 * The one retry loop for LivePerson calls, following LivePerson's published policy: never retry a
 * 4xx except 429 (wait at least 1 s, honouring Retry-After) and 401 (re-authenticate once, retry
 * once); retry 5xx, connection failures and timeouts with backoff plus jitter. Every call runs
 * against a deadline (the answer's, when the caller passes one) that includes the waits; each
 * attempt may take all that is left up to a cap, so a LivePerson that is merely slow is waited for
 * rather than abandoned and asked again with less time.
 *
 * Why not axios-retry: its delay callback is synchronous and cannot fail the call with a different
 * error, it keeps one retry count for everything, and it cannot shrink each attempt's timeout to the
 * remaining budget. Those three are the heart of this policy, so the loop lives here instead.
 */
import type { Deadline } from '../../shared/deadline';
import {
  LivePersonAuthError,
  LivePersonRateLimitedError,
  LivePersonTimeoutError,
  LivePersonUnavailableError,
  type LivePersonError,
} from './errors';

export type CallBudget = 'interactive' | 'background';

export interface RetryPolicy {
  /** Total time for one call, waits included, when the caller passes no deadline of its own. */
  budgetMs: number;
  /**
   * Upper bound of one attempt (also bounded by what is left). Generous on purpose: it only ends
   * an attempt that is hung, not one that is slow.
   */
  attemptTimeoutMs: number;
  /** Wait before retry n after a 5xx/reset/timeout; its length is the number of retries. */
  backoffMs: readonly number[];
  /** Random extra on top of each wait, as a fraction of it (spreads bursts; never shortens a wait). */
  jitter: number;
  /** Floor for 429 waits; LivePerson asks for at least 1 s. */
  minRetryAfterMs: number;
}

/**
 * background (digests, alerts): LivePerson's published 5/10/15 s schedule. interactive: a person is
 * waiting in Slack, so after a 5xx or a dropped connection the next attempt comes sooner (1/2/4 s):
 * a transient blip costs seconds, not half a minute. Both wait for a slow answer (45 s / 60 s per
 * attempt) and honour 429's Retry-After (at least 1 s) the same way.
 */
export const RETRY_POLICIES: Readonly<Record<CallBudget, RetryPolicy>> = {
  interactive: {
    budgetMs: 120_000,
    attemptTimeoutMs: 45_000,
    backoffMs: [1_000, 2_000, 4_000],
    jitter: 0.3,
    minRetryAfterMs: 1_000,
  },
  background: {
    budgetMs: 10 * 60_000,
    attemptTimeoutMs: 60_000,
    backoffMs: [5_000, 10_000, 15_000],
    jitter: 0.2,
    minRetryAfterMs: 1_000,
  },
};

/** Time and randomness, injectable so tests run the loop without waiting. */
export interface RetryRuntime {
  /** Waits `ms` real (or fake) milliseconds. */
  sleep(ms: number): Promise<void>;
  /** A monotonic clock in ms for the budget. */
  monotonic(): number;
  /** Uniform in [0, 1) for jitter. */
  random(): number;
  /**
   * Multiplies every wait between attempts (backoff, 429 waits): 1 in production, e.g. 0.01 in
   * end-to-end tests so a retry costs milliseconds. Budgets and attempt timeouts are not scaled:
   * a slow answer is still waited for.
   */
  timeScale: number;
}

/** Real timers, performance.now() and Math.random: what production uses. */
export const realRuntime: RetryRuntime = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  monotonic: () => performance.now(),
  random: Math.random,
  timeScale: 1,
};

export interface AttemptContext {
  /** 1-based attempt number. */
  attempt: number;
  /** Deadline for this attempt in ms: the policy's cap, or what is left if that is less. */
  timeoutMs: number;
}

export interface RetryEvent {
  attempt: number;
  reason: string;
  waitMs: number;
}

export interface RetryHooks {
  /** After a 401: refresh credentials; resolve true when one more attempt can succeed. */
  onUnauthorized(error: LivePersonError): Promise<boolean>;
  /** Called before each wait (for logging). */
  onRetry?(event: RetryEvent): void;
}

/** "8 s", "1.5 s", "2 min". */
export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  if (s >= 120) return `${Math.round(s / 60)} min`;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

/** Seconds from a Retry-After header (delta-seconds or HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(header: string | undefined, nowMs: number): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, (at - nowMs) / 1000);
}

export const RATE_LIMITED_MESSAGE = 'LivePerson rate-limited the request (HTTP 429).';

/** The timeout error for a call whose budget (`budgetMs`, unscaled) ran out. */
export function budgetTimeout(budgetMs: number, cause?: LivePersonError): LivePersonTimeoutError {
  return new LivePersonTimeoutError(`LivePerson did not answer within ${formatSeconds(budgetMs)}.`, {
    detail: cause?.detail ?? cause?.message,
    cause,
  });
}

type Verdict =
  | { kind: 'unauthorized' }
  | { kind: 'rate-limited'; retryAfterSeconds: number | undefined }
  | { kind: 'transient' }
  | { kind: 'fatal' };

function classify(error: unknown): Verdict {
  if (error instanceof LivePersonAuthError && error.status === 401) return { kind: 'unauthorized' };
  if (error instanceof LivePersonRateLimitedError)
    return { kind: 'rate-limited', retryAfterSeconds: error.retryAfterSeconds };
  if (error instanceof LivePersonUnavailableError || error instanceof LivePersonTimeoutError)
    return { kind: 'transient' };
  return { kind: 'fatal' };
}

function reasonOf(error: LivePersonError): string {
  if (error.status !== undefined) return `HTTP ${error.status}`;
  return error instanceof LivePersonTimeoutError ? 'timeout' : 'connection failure';
}

/**
 * Runs `attempt` until it succeeds or the policy says stop, within `deadline` when given (else the
 * policy's own budget). `attempt` throws typed LivePerson errors; anything else is treated as fatal
 * and rethrown as is.
 */
export async function withRetries<T>(
  attempt: (ctx: AttemptContext) => Promise<T>,
  policy: RetryPolicy,
  runtime: RetryRuntime,
  hooks: RetryHooks,
  deadline?: Deadline,
): Promise<T> {
  const scale = runtime.timeScale;
  const budgetMs = deadline ? deadline.budgetMs : policy.budgetMs;
  const started = runtime.monotonic();
  const remaining = deadline
    ? () => deadline.remaining()
    : () => policy.budgetMs - (runtime.monotonic() - started);
  let retries = 0;
  let reauthenticated = false;
  for (let n = 1; ; n++) {
    const left = remaining();
    if (left <= 0) throw budgetTimeout(budgetMs);
    try {
      return await attempt({ attempt: n, timeoutMs: Math.min(policy.attemptTimeoutMs, left) });
    } catch (error) {
      const verdict = classify(error);
      const lpError = error as LivePersonError;
      if (verdict.kind === 'fatal') throw error;
      if (verdict.kind === 'unauthorized') {
        // One fresh credential is worth one more try; a second 401 means the credentials are wrong.
        if (reauthenticated || !(await hooks.onUnauthorized(lpError))) throw error;
        reauthenticated = true;
        hooks.onRetry?.({ attempt: n, reason: 'HTTP 401 (new credentials)', waitMs: 0 });
        continue;
      }
      if (verdict.kind === 'rate-limited') {
        const askedMs = (verdict.retryAfterSeconds ?? 0) * 1000;
        const base = Math.max(askedMs, policy.minRetryAfterMs) * scale;
        const wait = base * (1 + 0.1 * runtime.random());
        if (retries >= policy.backoffMs.length || wait >= remaining()) {
          // Waiting would blow the budget anyway: tell the user now instead of after 8 s.
          throw new LivePersonRateLimitedError(RATE_LIMITED_MESSAGE, {
            status: 429,
            detail: lpError.detail,
            retryAfterSeconds: verdict.retryAfterSeconds,
          });
        }
        retries++;
        hooks.onRetry?.({ attempt: n, reason: 'HTTP 429', waitMs: wait });
        await runtime.sleep(wait);
        continue;
      }
      // transient: 5xx, connection failure, per-attempt timeout, unreadable answer
      const base = policy.backoffMs[retries];
      const wait = base === undefined ? Infinity : base * scale * (1 + policy.jitter * runtime.random());
      if (wait >= remaining()) {
        if (error instanceof LivePersonTimeoutError) throw budgetTimeout(budgetMs, error);
        throw error;
      }
      retries++;
      hooks.onRetry?.({ attempt: n, reason: reasonOf(lpError), waitMs: wait });
      await runtime.sleep(wait);
    }
  }
}
