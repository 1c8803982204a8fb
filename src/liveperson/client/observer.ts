/**
 * What the LivePerson client tells an observer (the /metrics registry) about its traffic: each
 * HTTP exchange by method and outcome, with its duration, and each cache look-up as a hit or a
 * miss. Labels are fixed words, never ids, names or anything from a request.
 */
import { LivePersonTimeoutError, isLivePersonError } from './errors';

/** The LivePerson calls the bot makes, as metric label values. */
export type LivePersonMethod =
  'metrics' | 'agent_view' | 'historical' | 'account_config' | 'csds' | 'login' | 'login_refresh' | 'token';

export type LivePersonOutcome =
  'ok' | 'auth' | 'http_429' | 'http_4xx' | 'http_5xx' | 'timeout' | 'network' | 'malformed' | 'error';

/** The caches whose hit ratio is worth watching. */
export type LivePersonCache = 'kmm' | 'directory';

export interface LivePersonObserver {
  request(method: LivePersonMethod, outcome: LivePersonOutcome, seconds: number): void;
  cache(cache: LivePersonCache, hit: boolean): void;
}

/** The method of a transport request, by its log label. */
export function methodOfLabel(label: string): LivePersonMethod {
  if (label === 'metrics' || label === 'agent_view' || label === 'historical') return label;
  return 'account_config';
}

/** The outcome an exchange's error stands for. */
export function outcomeOf(error: unknown): LivePersonOutcome {
  if (error instanceof LivePersonTimeoutError) return 'timeout';
  if (!isLivePersonError(error)) return 'error';
  const status = error.status;
  if (error.kind === 'rate-limited' || status === 429) return 'http_429';
  if (status === 401 || status === 403) return 'auth';
  if (status === undefined) return error.kind === 'unavailable' ? 'network' : 'error';
  if (status >= 500) return 'http_5xx';
  if (status >= 400) return 'http_4xx';
  // An answer that came back 2xx (or 304) and could not be read.
  return 'malformed';
}

/** Runs one exchange, telling `observer` how it ended and how long it took. */
export async function observed<T>(
  observer: LivePersonObserver | undefined,
  method: LivePersonMethod,
  work: () => Promise<T>,
): Promise<T> {
  if (!observer) return work();
  const started = performance.now();
  try {
    const value = await work();
    observer.request(method, 'ok', (performance.now() - started) / 1000);
    return value;
  } catch (error) {
    observer.request(method, outcomeOf(error), (performance.now() - started) / 1000);
    throw error;
  }
}
