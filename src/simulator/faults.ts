/** Injected failures: a FIFO of faults, each consumed by the next requests it matches. */
import { isRecord } from '../shared/guards';
import type { Fault, RouteName } from './index';

export const ROUTE_NAMES: readonly RouteName[] = [
  'csds',
  'skills',
  'agentGroups',
  'metrics',
  'agentView',
  'historical',
  'login',
  'refresh',
];

interface Queued {
  fault: Fault;
  remaining: number;
}

export class FaultQueue {
  private queue: Queued[] = [];

  inject(fault: Fault): void {
    this.queue.push({ fault: { ...fault }, remaining: Math.max(1, Math.floor(fault.times ?? 1)) });
  }

  clear(): void {
    this.queue = [];
  }

  /** The first queued fault matching `route`, used up once. */
  take(route: RouteName): Fault | undefined {
    const i = this.queue.findIndex((q) => q.fault.route === undefined || q.fault.route === route);
    if (i < 0) return undefined;
    const q = this.queue[i]!;
    if (--q.remaining <= 0) this.queue.splice(i, 1);
    return q.fault;
  }

  get size(): number {
    return this.queue.length;
  }
}

/** Checks a Fault that arrived as JSON (POST /_sim/faults). */
export function parseFault(raw: unknown): { ok: true; fault: Fault } | { ok: false; message: string } {
  if (!isRecord(raw)) return { ok: false, message: 'A fault must be a JSON object.' };
  const fault: Fault = {};
  const known = ['route', 'status', 'retryAfterSeconds', 'malformed', 'latencyMs', 'times', 'dropConnection'];
  const unknown = Object.keys(raw).filter((k) => !known.includes(k));
  if (unknown.length) return { ok: false, message: `Unknown fault fields: ${unknown.join(', ')}.` };
  if (raw.route !== undefined) {
    if (typeof raw.route !== 'string' || !(ROUTE_NAMES as readonly string[]).includes(raw.route)) {
      return { ok: false, message: `route must be one of ${ROUTE_NAMES.join(', ')}.` };
    }
    fault.route = raw.route as RouteName;
  }
  const int = (k: 'status' | 'retryAfterSeconds' | 'latencyMs' | 'times', min: number, max: number) => {
    const v = raw[k];
    if (v === undefined) return true;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) return false;
    fault[k] = v;
    return true;
  };
  if (!int('status', 100, 599)) return { ok: false, message: 'status must be an HTTP status (100–599).' };
  if (!int('retryAfterSeconds', 0, 86_400))
    return { ok: false, message: 'retryAfterSeconds must be 0 or more.' };
  if (!int('latencyMs', 0, 600_000)) return { ok: false, message: 'latencyMs must be 0–600000.' };
  if (!int('times', 1, 1_000_000)) return { ok: false, message: 'times must be 1 or more.' };
  for (const k of ['malformed', 'dropConnection'] as const) {
    if (raw[k] === undefined) continue;
    if (typeof raw[k] !== 'boolean') return { ok: false, message: `${k} must be true or false.` };
    fault[k] = raw[k];
  }
  return { ok: true, fault };
}
