/**
 * The /_sim control endpoints, for the demo and benchmarks driving a simulator in another
 * process: POST/DELETE /_sim/faults, GET /_sim/stats, POST /_sim/stats/reset, GET/POST /_sim/clock.
 */
import { parseFault } from './faults';
import { CODE, HttpError } from './http-util';
import type { Fault, RouteName } from './types';

export interface ControlTarget {
  inject(fault: Fault): void;
  clearFaults(): void;
  queued(): number;
  stats(): Record<RouteName, number>;
  resetStats(): void;
  now(): number;
  setNow(ms: number): void;
}

function instant(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return /^\d+$/.test(v) ? Number(v) : Date.parse(v);
  return NaN;
}

/** Applies a control request; throws HttpError for bad input or an unknown endpoint. */
export function answerControl(
  method: string,
  path: string,
  raw: unknown,
  target: ControlTarget,
): { status: number; body: unknown } {
  if (path === '/_sim/faults' && method === 'POST') {
    const parsed = (Array.isArray(raw) ? (raw as unknown[]) : [raw]).map(parseFault);
    for (const p of parsed) if (!p.ok) throw new HttpError(400, p.message, CODE.validation);
    for (const p of parsed) if (p.ok) target.inject(p.fault);
    return { status: 200, body: { queued: target.queued() } };
  }
  if (path === '/_sim/faults' && method === 'DELETE') {
    target.clearFaults();
    return { status: 200, body: { queued: 0 } };
  }
  if (path === '/_sim/stats' && method === 'GET') return { status: 200, body: target.stats() };
  if (path === '/_sim/stats/reset' && method === 'POST') {
    target.resetStats();
    return { status: 200, body: target.stats() };
  }
  if (path === '/_sim/clock' && method === 'GET') return { status: 200, body: { now: target.now() } };
  if (path === '/_sim/clock' && method === 'POST') {
    const ms = instant(
      typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).now : undefined,
    );
    if (!Number.isFinite(ms))
      throw new HttpError(400, 'Send {"now": <epoch ms or ISO time>}.', CODE.validation);
    target.setNow(ms);
    return { status: 200, body: { now: target.now() } };
  }
  throw new HttpError(404, `No control endpoint ${method} ${path}.`, CODE.notFound);
}
