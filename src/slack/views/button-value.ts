/**
 * Button values: the query (and page or picked id) a button re-runs, as compact JSON. Values come
 * back from Slack in block_actions payloads, so decoding validates every field and never throws.
 */
import type { RankMetric, ReportQuery } from '../../domain/query';
import { AUDIENCES, MAX_TOP, RANK_METRICS, type Audience } from '../../domain/query';
import { checkSpan, type SinceDay, type WindowSpec } from '../../domain/window';
import { LIMITS } from './limits';

export interface ButtonValue {
  /** The query to run again. */
  q: ReportQuery;
  /** Ranking page, 1-based. */
  p?: number;
  /** A resolved skill or group id (suggestion buttons): skips name resolution. */
  id?: string;
}

/** Longest id a value may carry; LivePerson ids are short numbers. */
export const MAX_ID_LENGTH = 100;
const MAX_PAGE = 1_000_000;

const UNICODE_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026' };

/**
 * JSON with < > & written as \u escapes: the value means the same to JSON.parse, and never
 * carries markup, however it is later logged or echoed.
 */
function serialize(v: ButtonValue): string {
  const out: ButtonValue = { q: v.q };
  if (v.p !== undefined) out.p = v.p;
  if (v.id !== undefined) out.id = v.id;
  return JSON.stringify(out).replace(/[<>&]/g, (c) => UNICODE_ESCAPES[c] ?? c);
}

/** Halves the longest free-text field of the query; false when nothing is left to shorten. */
function shorten(q: ReportQuery): boolean {
  const candidates: { len: number; cut: () => void }[] = [];
  if ((q.kind === 'skill' || q.kind === 'group') && q.name.length > 0) {
    candidates.push({
      len: q.name.length,
      cut: () => (q.name = q.name.slice(0, Math.floor(q.name.length / 2))),
    });
  }
  const longest = candidates.sort((a, b) => b.len - a.len)[0];
  if (!longest) return false;
  longest.cut();
  return true;
}

/**
 * Encodes a button value within `maxLength` (Slack's 2000 by default; views with many buttons
 * pass less to keep the message small). The name the user typed is shortened when needed; it only
 * labels the re-run when an id rides along.
 * Throws RangeError for an id longer than MAX_ID_LENGTH or an invalid page.
 */
export function encodeButtonValue(value: ButtonValue, maxLength: number = LIMITS.buttonValue): string {
  const max = Math.min(maxLength, LIMITS.buttonValue);
  if (value.id !== undefined && (value.id.length === 0 || value.id.length > MAX_ID_LENGTH)) {
    throw new RangeError(`button value id must be 1..${MAX_ID_LENGTH} characters`);
  }
  if (value.p !== undefined && (!Number.isInteger(value.p) || value.p < 1 || value.p > MAX_PAGE)) {
    throw new RangeError('button value page must be a positive integer');
  }
  let encoded = serialize(value);
  if (encoded.length <= max) return encoded;
  const copy: ButtonValue = { ...value, q: { ...value.q } };
  while (encoded.length > max) {
    if (!shorten(copy.q)) throw new RangeError(`button value cannot fit in ${max} characters`);
    encoded = serialize(copy);
  }
  return encoded;
}

type Obj = Record<string, unknown>;
function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isInt(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

function isRankMetric(v: unknown): v is RankMetric {
  return (RANK_METRICS as readonly unknown[]).includes(v);
}

const SINCE_DAYS: readonly SinceDay[] = ['auto', 'today', 'yesterday'];

/** A window spec as the grammar makes them; anything else (or a length it refuses) is not one of ours. */
function decodeWindow(raw: unknown): WindowSpec | undefined {
  if (!isObj(raw)) return undefined;
  switch (raw.kind) {
    case 'last':
      return isInt(raw.ms, 1, Number.MAX_SAFE_INTEGER) && !checkSpan(raw.ms)
        ? { kind: 'last', ms: raw.ms }
        : undefined;
    case 'since': {
      const { hour, minute, day } = raw;
      if (!isInt(hour, 0, 23) || !isInt(minute, 0, 59)) return undefined;
      if (!SINCE_DAYS.includes(day as SinceDay)) return undefined;
      return { kind: 'since', hour, minute, day: day as SinceDay };
    }
    case 'today':
    case 'yesterday':
      return { kind: raw.kind };
    default:
      return undefined;
  }
}

function decodeAudience(raw: unknown): Audience | undefined | false {
  if (raw === undefined) return undefined;
  return (AUDIENCES as readonly unknown[]).includes(raw) ? (raw as Audience) : false;
}

function decodeQuery(raw: unknown): ReportQuery | undefined {
  if (!isObj(raw)) return undefined;
  const window = decodeWindow(raw.window);
  const audience = decodeAudience(raw.audience);
  if (!window || audience === false || typeof raw.public !== 'boolean') return undefined;
  const common = { window, public: raw.public, ...(audience ? { audience } : {}) };
  switch (raw.kind) {
    case 'overview':
      return { kind: 'overview', ...common };
    case 'skill':
    case 'group':
      return typeof raw.name === 'string' ? { kind: raw.kind, name: raw.name, ...common } : undefined;
    case 'ranking': {
      const { dimension, by, top } = raw;
      if (dimension !== 'skills' && dimension !== 'groups') return undefined;
      if (!isRankMetric(by) || !isInt(top, 1, MAX_TOP)) return undefined;
      return { kind: 'ranking', dimension, by, top, ...common };
    }
    default:
      return undefined;
  }
}

/** Decodes and validates a button value; undefined for anything that is not one of ours. */
export function decodeButtonValue(raw: unknown): ButtonValue | undefined {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > LIMITS.buttonValue) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isObj(parsed)) return undefined;
  const q = decodeQuery(parsed.q);
  if (!q) return undefined;
  const out: ButtonValue = { q };
  if (parsed.p !== undefined) {
    if (!isInt(parsed.p, 1, MAX_PAGE)) return undefined;
    out.p = parsed.p;
  }
  if (parsed.id !== undefined) {
    if (typeof parsed.id !== 'string' || parsed.id.length === 0 || parsed.id.length > MAX_ID_LENGTH)
      return undefined;
    out.id = parsed.id;
  }
  return out;
}
