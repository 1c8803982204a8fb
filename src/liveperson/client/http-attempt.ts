/**
 * One HTTP exchange with LivePerson: a hard deadline (connect + headers + body), and every failure
 * mapped to a typed LivePerson error. Status handling: 2xx (and 304 when asked) succeed; 401/403 →
 * auth; 429 → rate-limited; other 4xx → invalid request; 5xx → unavailable. No retries here.
 */
import axios, { type AxiosInstance } from 'axios';
import {
  LivePersonAuthError,
  LivePersonInvalidRequestError,
  LivePersonRateLimitedError,
  LivePersonTimeoutError,
  LivePersonUnavailableError,
  isLivePersonError,
  type LivePersonError,
} from './errors';
import { bodyForLog } from './http-log';
import { formatSeconds, parseRetryAfter, RATE_LIMITED_MESSAGE } from './retry-policy';

export interface HttpExchange {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  /** Sent as JSON when present. */
  body?: unknown;
  /** Sent form-encoded instead (OAuth 2.0 token requests); wins over `body`. */
  form?: Record<string, string>;
  timeoutMs: number;
  /** Answer 304 as a success (conditional GETs). */
  accept304?: boolean;
  /** What the user would call this service, for messages ("LivePerson", "LivePerson's login"). */
  what?: string;
  /** Values to scrub from anything that lands in an error's detail. */
  secrets?: readonly string[];
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/**
 * True for timeouts and failures below HTTP (ECONNREFUSED, ECONNRESET, ENOTFOUND, …): the host may
 * have moved, so its cached domain should be looked up again.
 */
export function isConnectionFailure(error: unknown): boolean {
  return (
    error instanceof LivePersonTimeoutError ||
    (error instanceof LivePersonUnavailableError && error.status === undefined)
  );
}

const MAX_USER_TEXT = 240;

/**
 * The upstream `error.message` of a 4xx, when it is short plain text a Slack user can read (the
 * simulator's own validation messages); undefined for HTML, stack traces, JSON blobs and long text.
 */
export function userTextOf(body: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const rec = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  const raw = rec(parsed) ? (rec(parsed.error) ? parsed.error.message : parsed.message) : undefined;
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (!text || text.length > MAX_USER_TEXT) return undefined;
  // Control characters / line breaks, markup, JSON or Java-ish internals are not for users.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) return undefined;
  if (/<\/?[a-z!][^>]*>/i.test(text) || /[{}]/.test(text)) return undefined;
  if (/\b(exception|stack ?trace|null ?pointer)\b|\bat [\w$.]+\(/i.test(text)) return undefined;
  return text;
}

function headerMap(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof v === 'string') out[k.toLowerCase()] = v;
    else if (typeof v === 'number') out[k.toLowerCase()] = String(v);
    else if (Array.isArray(v)) out[k.toLowerCase()] = v.map(String).join(', ');
  }
  return out;
}

/** Maps a non-success status to its typed error. */
export function errorForStatus(
  status: number,
  text: string,
  headers: Record<string, string>,
  what = 'LivePerson',
  secrets: readonly string[] = [],
): LivePersonError {
  const detail = `HTTP ${status}: ${bodyForLog(text, secrets)}`;
  if (status === 401)
    return new LivePersonAuthError(
      // Worded for every auth mode: an API key, an OAuth 2.0 client and a login user all end here.
      `${what} did not accept our credentials (HTTP 401); check the LP_* credentials the bot was started with.`,
      { status, detail },
    );
  if (status === 403)
    return new LivePersonAuthError(
      `${what} refused access (HTTP 403): the bot's credentials (API key, OAuth 2.0 client or login user) need Data → Key Messaging Metrics and read access to skills and agent groups.`,
      { status, detail },
    );
  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(headers['retry-after'], Date.now());
    return new LivePersonRateLimitedError(
      RATE_LIMITED_MESSAGE,
      retryAfterSeconds === undefined ? { status, detail } : { status, detail, retryAfterSeconds },
    );
  }
  if (status >= 400 && status < 500) {
    const reason = userTextOf(text);
    return new LivePersonInvalidRequestError(`${what} rejected the request (HTTP ${status})`, {
      status,
      detail,
      ...(reason === undefined ? {} : { reason }),
    });
  }
  return new LivePersonUnavailableError(`${what} answered HTTP ${status}.`, { status, detail });
}

/** Performs one exchange; resolves on success, throws a typed LivePerson error otherwise. */
export async function exchange(http: AxiosInstance, ex: HttpExchange): Promise<HttpAnswer> {
  const what = ex.what ?? 'LivePerson';
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(
    () => {
      timedOut = true;
      controller.abort();
    },
    Math.max(1, ex.timeoutMs),
  );
  const [contentType, data] = ex.form
    ? ['application/x-www-form-urlencoded', new URLSearchParams(ex.form).toString()]
    : ex.body !== undefined
      ? ['application/json', JSON.stringify(ex.body)]
      : [undefined, undefined];
  try {
    const res = await http.request<string>({
      method: ex.method,
      url: ex.url,
      headers: {
        Accept: 'application/json',
        ...(contentType ? { 'Content-Type': contentType } : {}),
        ...ex.headers,
      },
      data,
      signal: controller.signal,
      responseType: 'text',
      // Keep the raw text: we parse it ourselves to tell "malformed" from "not JSON at all".
      transformResponse: [(d: unknown) => d],
      validateStatus: () => true,
      maxRedirects: 0,
    });
    const text = typeof res.data === 'string' ? res.data : String(res.data ?? '');
    const headers = headerMap(res.headers);
    if ((res.status >= 200 && res.status < 300) || (ex.accept304 && res.status === 304)) {
      return { status: res.status, headers, text };
    }
    throw errorForStatus(res.status, text, headers, what, ex.secrets);
  } catch (error) {
    if (isLivePersonError(error)) throw error;
    if (timedOut) {
      throw new LivePersonTimeoutError(`${what} did not answer within ${formatSeconds(ex.timeoutMs)}.`, {
        detail: `timeout after ${Math.round(ex.timeoutMs)} ms: ${ex.method} ${ex.url}`,
      });
    }
    const code = axios.isAxiosError(error) ? error.code : undefined;
    const message = error instanceof Error ? error.message : String(error);
    throw new LivePersonUnavailableError(`${what} could not be reached.`, {
      detail: `${code ?? 'network error'} (${message}): ${ex.method} ${ex.url}`,
    });
  } finally {
    clearTimeout(timer);
  }
}

/** Parses a JSON answer; an unreadable one is "unavailable" (retryable), never a crash. */
export function parseJson(answer: HttpAnswer, what = 'LivePerson', secrets: readonly string[] = []): unknown {
  try {
    return JSON.parse(answer.text) as unknown;
  } catch {
    throw new LivePersonUnavailableError(`${what} sent an answer we could not read.`, {
      status: answer.status,
      detail: `unreadable body (HTTP ${answer.status}): ${bodyForLog(answer.text, secrets)}`,
    });
  }
}
