/**
 * KMM historical vocabulary: trend series of at most 100 points over the last 24 h
 * (LivePerson's KMM historical method). Pure: shared by the client and the simulator.
 */
import { DAY_MS, MINUTE_MS } from '../../domain/time';
import { isRecord, listOf } from '../../shared/guards';
import { parseMetrics, type KmmMetrics } from './metrics-response';
import {
  quoteList,
  readRequestFrame,
  type RawKmmRequest,
  type Validation,
  type ValidationIssue,
} from './validation';
import { type UserType, USER_TYPES } from './catalog';

export const HISTORICAL_METRICS = ['transfers', 'concluded_conversations', 'closed_conversations'] as const;
export type HistoricalMetric = (typeof HISTORICAL_METRICS)[number];
export const MAX_HISTORICAL_POINTS = 100;
/** historical keeps 24 h, unlike metrics (14 days). */
export const HISTORICAL_RETENTION_MS = DAY_MS;

export interface HistoricalRequestBody {
  filters: {
    time: { from: number; to: number };
    agentIds?: string[];
    agentGroupIds?: string[];
    skillIds?: string[];
    userTypes?: UserType[];
  };
  metricsToRetrieveByTime: HistoricalMetric[];
}

export interface HistoricalRequest {
  body: HistoricalRequestBody;
  /**
   * Minutes per point; absent or 0 (documented as "server picks"): the server picks (5 min,
   * 60 min, 1 day or window/12).
   */
  intervalMinutes?: number;
}

export interface NormalizedHistoricalRequest {
  body: HistoricalRequestBody;
  intervalMinutes: number;
}

export interface HistoricalPoint {
  /** End of the interval the values cover (epoch ms). */
  timestamp: number;
  values: KmmMetrics;
}

export interface HistoricalResponse {
  points: HistoricalPoint[];
}

/** The interval LivePerson picks when none is given, as documented. */
export function defaultIntervalMinutes(windowMs: number): number {
  const candidates = [5, 60, 24 * 60];
  const fit = candidates.find((m) => windowMs / (m * MINUTE_MS) <= MAX_HISTORICAL_POINTS);
  return fit ?? Math.max(1, Math.ceil(windowMs / MINUTE_MS / 12));
}

/** Validates a historical call: window within the last 24 h, known metrics, ≤ 100 points. */
export function validateHistoricalRequest(
  raw: RawKmmRequest & { interval?: unknown },
  now: number,
): Validation<NormalizedHistoricalRequest> {
  const issues: ValidationIssue[] = [];
  const frame = readRequestFrame(raw, now, issues);
  if (!frame) return { ok: false, issues };
  const { body, filters, time } = frame;
  if (time && time.from < now - HISTORICAL_RETENTION_MS - MINUTE_MS) {
    issues.push({
      path: 'filters.time.from',
      message: 'Trends reach back only 24 h; pick a window inside the last day.',
    });
  }
  const metrics = listOf(body.metricsToRetrieveByTime);
  if (!metrics || metrics.length === 0) {
    issues.push({
      path: 'metricsToRetrieveByTime',
      message: `Name at least one trend metric: ${HISTORICAL_METRICS.join(', ')}.`,
    });
  } else {
    const unknown = metrics.filter((m) => !(HISTORICAL_METRICS as readonly string[]).includes(m));
    if (unknown.length) {
      issues.push({
        path: 'metricsToRetrieveByTime',
        message: `Unknown trend metrics: ${quoteList(unknown)}. Valid: ${HISTORICAL_METRICS.join(', ')}.`,
      });
    }
  }
  const userTypes = listOf(filters.userTypes);
  if (
    filters.userTypes !== undefined &&
    (!userTypes || userTypes.some((u) => !(USER_TYPES as readonly string[]).includes(u)))
  ) {
    issues.push({ path: 'filters.userTypes', message: 'filters.userTypes takes HUMAN and/or BOT.' });
  }
  let interval: number | undefined;
  if (raw.interval !== undefined && raw.interval !== '') {
    interval = Number(raw.interval);
    if (!Number.isInteger(interval) || interval < 0) {
      issues.push({
        path: 'interval',
        message: 'The interval must be a whole number of minutes (0 lets LivePerson pick).',
      });
    }
    // 0 is documented as "the server picks", like no interval at all.
    if (interval === 0) interval = undefined;
  }
  if (issues.length || !time || !metrics) return { ok: false, issues };
  const span = time.to - time.from;
  const minutes = interval ?? defaultIntervalMinutes(span);
  if (Math.ceil(span / (minutes * MINUTE_MS)) > MAX_HISTORICAL_POINTS) {
    return {
      ok: false,
      issues: [
        {
          path: 'interval',
          message: `That is more than ${MAX_HISTORICAL_POINTS} points; use an interval of at least ${Math.ceil(span / MINUTE_MS / MAX_HISTORICAL_POINTS)} minutes.`,
        },
      ],
    };
  }
  const out: HistoricalRequestBody = {
    filters: { time },
    metricsToRetrieveByTime: metrics as HistoricalMetric[],
  };
  for (const k of ['agentIds', 'agentGroupIds', 'skillIds'] as const) {
    const v = filters[k];
    if (Array.isArray(v)) out.filters[k] = v.map(String);
  }
  if (userTypes) out.filters.userTypes = userTypes as UserType[];
  return { ok: true, value: { body: out, intervalMinutes: minutes } };
}

/** Parses `{historicalMetricsIntervals:[{timestamp, values}]}`, sorted by time. */
export function parseHistoricalResponse(raw: unknown): HistoricalResponse {
  const list =
    isRecord(raw) && Array.isArray(raw.historicalMetricsIntervals) ? raw.historicalMetricsIntervals : [];
  const points: HistoricalPoint[] = [];
  for (const p of list) {
    if (!isRecord(p)) continue;
    const ts = Number(p.timestamp);
    if (!Number.isFinite(ts)) continue;
    points.push({ timestamp: ts, values: parseMetrics(p.values) });
  }
  points.sort((a, b) => a.timestamp - b.timestamp);
  return { points };
}
