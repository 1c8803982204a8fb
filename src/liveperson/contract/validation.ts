/**
 * The validation frame LivePerson's KMM methods share (metrics, agent_view, historical): a time
 * window (≤ 24 h, within 14 days, rounded to the minute as the API does), paging, sort and name
 * lists. Both the client (before sending) and the simulator (its 400 answers) validate with it, so
 * a request is judged the same way on either side. Messages say what LivePerson would refuse.
 */
import { isRecord, listOf } from '../../shared/guards';
import { MAX_WINDOW_MS, MINUTE_MS, RETENTION_MS } from '../../domain/time';
import { describeSpan } from '../../shared/span-text';
import {
  DEFAULT_PAGE_SIZE,
  DEFAULT_SORT,
  MAX_OFFSET_PLUS_LIMIT,
  MAX_PAGE_SIZE,
  SORT_KEYS,
  SORT_ORDERS,
} from './catalog';
import type { Sort, SortKey, SortOrder } from './catalog';

export interface ValidationIssue {
  /** Where in the request, e.g. `filters.time`, `limit`. */
  path: string;
  /** A sentence a Slack user can act on. */
  message: string;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** Raw request parts as they arrive over HTTP (the simulator) or from code (the client). */
export interface RawKmmRequest {
  body: unknown;
  offset?: unknown;
  limit?: unknown;
  sort?: unknown;
}

export function floorToMinute(ms: number): number {
  return Math.floor(ms / MINUTE_MS) * MINUTE_MS;
}
export function ceilToMinute(ms: number): number {
  return Math.ceil(ms / MINUTE_MS) * MINUTE_MS;
}

/** Parses a non-negative integer from a number or a numeric string (query parameters arrive as text). */
function toInteger(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

export function quoteList(values: readonly string[], max = 6): string {
  const shown = values.slice(0, max).join(', ');
  return values.length > max ? `${shown}, …` : shown;
}

/** Parses `key:order`; order defaults to asc as the API does. */
export function parseSort(raw: unknown): Validation<Sort> {
  if (raw === undefined || raw === null || raw === '') return { ok: true, value: DEFAULT_SORT };
  if (isRecord(raw)) raw = `${String(raw.key)}:${String(raw.order)}`;
  if (typeof raw !== 'string') {
    return { ok: false, issues: [{ path: 'sort', message: 'The sort must read like `avgWaitTime:desc`.' }] };
  }
  const [key = '', order = 'asc', ...rest] = raw.split(':');
  const issues: ValidationIssue[] = [];
  if (rest.length > 0) issues.push({ path: 'sort', message: 'The sort must read like `avgWaitTime:desc`.' });
  if (!(SORT_KEYS as readonly string[]).includes(key)) {
    issues.push({
      path: 'sort',
      message: `LivePerson cannot sort by '${key}'. Sort by one of: ${SORT_KEYS.join(', ')}.`,
    });
  }
  if (!(SORT_ORDERS as readonly string[]).includes(order)) {
    issues.push({ path: 'sort', message: `The sort order '${order}' is neither asc nor desc.` });
  }
  return issues.length
    ? { ok: false, issues }
    : { ok: true, value: { key: key as SortKey, order: order as SortOrder } };
}

/** Checks filters.time (required, ordered, ≤ 24 h, within 14 days) and rounds it as the API does. */
export function validateWindow(
  time: unknown,
  now: number,
  issues: ValidationIssue[],
): { from: number; to: number } | undefined {
  if (!isRecord(time) || time.from === undefined || time.to === undefined) {
    issues.push({
      path: 'filters.time',
      message: 'A time window is required: LivePerson needs filters.time with from and to (epoch ms).',
    });
    return undefined;
  }
  const from = toInteger(time.from);
  const to = toInteger(time.to);
  if (from === undefined || to === undefined) {
    issues.push({ path: 'filters.time', message: 'filters.time.from and .to must be epoch milliseconds.' });
    return undefined;
  }
  const before = issues.length;
  if (from > to) {
    issues.push({
      path: 'filters.time',
      message: 'That window ends before it starts; put the earlier time first.',
    });
  } else if (to - from > MAX_WINDOW_MS) {
    issues.push({
      path: 'filters.time',
      message: `That window is ${describeSpan(to - from)}; LivePerson keeps at most 24 h per query. Try \`last 24h\` or a shorter window.`,
    });
  }
  if (from < now - RETENTION_MS) {
    issues.push({
      path: 'filters.time.from',
      message: `That window starts ${describeSpan(now - from)} ago; LivePerson keeps only the last 14 days of metrics.`,
    });
  }
  if (issues.length > before) return undefined;
  // Rounding outward turns "the last 24 h" asked at 15:00:30 into 24 h 1 min, which would no longer
  // pass this very check once sent: the start moves to the next minute instead.
  const rounded = { from: floorToMinute(from), to: ceilToMinute(to) };
  if (rounded.to - rounded.from > MAX_WINDOW_MS) rounded.from = rounded.to - MAX_WINDOW_MS;
  return rounded;
}

/** A list of names from `allowed`; unknown ones are reported, naming them and the valid ones. */
export function validateNames<T extends string>(
  raw: unknown,
  allowed: readonly T[],
  path: string,
  what: string,
  issues: ValidationIssue[],
): T[] | undefined {
  if (raw === undefined) return undefined;
  const list = listOf(raw);
  if (!list) {
    issues.push({ path, message: `${path} must be a list of ${what}.` });
    return undefined;
  }
  const unknown = list.filter((x) => !(allowed as readonly string[]).includes(x));
  if (unknown.length) {
    issues.push({
      path,
      message: `Unknown ${what}: ${quoteList(unknown)}. Valid ${what}: ${quoteList(allowed, 40)}.`,
    });
    return undefined;
  }
  return list as T[];
}

/** A list of ids; numbers are accepted and turned into strings. */
export function validateIds(raw: unknown, path: string, issues: ValidationIssue[]): string[] | undefined {
  if (raw === undefined) return undefined;
  // Ids are strings in the docs; numbers are accepted and normalised because JSON clients send both.
  if (Array.isArray(raw) && raw.every((x) => typeof x === 'string' || typeof x === 'number')) {
    return raw.map((x) => String(x));
  }
  issues.push({ path, message: `${path} must be a list of ids.` });
  return undefined;
}

export interface RequestFrame {
  body: Record<string, unknown>;
  filters: Record<string, unknown>;
  /** The checked, rounded window; undefined when it was wrong (the issue is recorded). */
  time: { from: number; to: number } | undefined;
}

/** What every KMM validator starts with: an object body, its filters, and a checked window. */
export function readRequestFrame(
  raw: RawKmmRequest,
  now: number,
  issues: ValidationIssue[],
): RequestFrame | undefined {
  if (!isRecord(raw.body)) {
    issues.push({ path: 'body', message: 'The request body must be a JSON object.' });
    return undefined;
  }
  const filters = isRecord(raw.body.filters) ? raw.body.filters : {};
  return { body: raw.body, filters, time: validateWindow(filters.time, now, issues) };
}

/** Checks offset/limit as LivePerson pages: limit 1..50, offset ≥ 0, offset + limit ≤ 1000. */
export function validatePaging(
  rawOffset: unknown,
  rawLimit: unknown,
  issues: ValidationIssue[],
): { offset: number; limit: number } | undefined {
  const offset = rawOffset === undefined || rawOffset === '' ? 0 : toInteger(rawOffset);
  const limit = rawLimit === undefined || rawLimit === '' ? DEFAULT_PAGE_SIZE : toInteger(rawLimit);
  const before = issues.length;
  if (offset === undefined || offset < 0) {
    issues.push({ path: 'offset', message: 'The offset must be a whole number, 0 or more.' });
  }
  if (limit === undefined || limit < 1 || limit > MAX_PAGE_SIZE) {
    issues.push({ path: 'limit', message: `The page size (limit) must be between 1 and ${MAX_PAGE_SIZE}.` });
  }
  if (issues.length > before || offset === undefined || limit === undefined) return undefined;
  if (offset + limit > MAX_OFFSET_PLUS_LIMIT) {
    issues.push({
      path: 'offset',
      message: `LivePerson pages stop at ${MAX_OFFSET_PLUS_LIMIT} keys (offset + limit is ${offset + limit}).`,
    });
    return undefined;
  }
  return { offset, limit };
}
