/**
 * Injected failures: a FIFO of faults, each consumed by the next requests it matches, and what a
 * fault does to the answer. Faults hit before the account and credential checks, as a flaky
 * network or gateway would.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRecord } from '../shared/guards';
import { CODE, JSON_TYPE, bearerOf, errorBody, sendJson } from './http-util';
import { ROUTE_NAMES, type Fault, type RouteName } from './types';

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

/** A truncated metrics page: valid JSON up to a point, so only a real parser notices. */
const BROKEN_JSON = '{"metadata":{"count":3,"first":{"rel":"first","href":"';

/**
 * Answers the request as `fault` says (drop, error status, broken JSON) and returns true, or
 * returns false when the fault leaves the answer to the route (latency only, or a CSDS baseURI).
 * Latency is not applied here: it is waited for before the route is even known to exist.
 */
export function applyFault(
  fault: Fault,
  req: IncomingMessage,
  res: ServerResponse,
  revokeBearer: (bearer: string) => void,
  now: number,
): boolean {
  if (fault.dropConnection) {
    req.socket.resetAndDestroy();
    return true;
  }
  if (fault.status !== undefined) {
    if (fault.status === 401) {
      // Token expiry: the bearer that was sent stops working, so the client must log in again.
      const bearer = bearerOf(req);
      if (bearer) revokeBearer(bearer);
    }
    const headers: Record<string, string> = {};
    if (fault.retryAfterSeconds !== undefined) headers['Retry-After'] = String(fault.retryAfterSeconds);
    const message = `Injected fault: HTTP ${fault.status}.`;
    sendJson(res, fault.status, errorBody(now, fault.status, message, CODE.injected), headers);
    return true;
  }
  if (fault.malformed) {
    res.writeHead(200, { 'Content-Type': JSON_TYPE, 'Content-Length': Buffer.byteLength(BROKEN_JSON) });
    res.end(BROKEN_JSON);
    return true;
  }
  return false;
}

const KNOWN_FIELDS = [
  'route',
  'status',
  'retryAfterSeconds',
  'malformed',
  'latencyMs',
  'times',
  'dropConnection',
  'csdsBaseUri',
];

/** Checks a Fault that arrived as JSON (POST /_sim/faults). */
export function parseFault(raw: unknown): { ok: true; fault: Fault } | { ok: false; message: string } {
  if (!isRecord(raw)) return { ok: false, message: 'A fault must be a JSON object.' };
  const fault: Fault = {};
  const unknown = Object.keys(raw).filter((k) => !KNOWN_FIELDS.includes(k));
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
  if (raw.csdsBaseUri !== undefined) {
    // Without the route a route-less fault would spend itself on whatever request came first.
    if (typeof raw.csdsBaseUri !== 'string' || raw.csdsBaseUri === '' || fault.route !== 'csds') {
      return { ok: false, message: 'csdsBaseUri must be a non-empty string, with route "csds".' };
    }
    fault.csdsBaseUri = raw.csdsBaseUri;
  }
  return { ok: true, fault };
}
