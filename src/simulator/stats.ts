/**
 * Requests received per route (including rejected and faulted ones), for tests and /_sim/stats,
 * and the latest bodies with their query parameters, so a test can check what the bot actually
 * asked LivePerson for: filters in the body, paging and sort (offset, limit, sort) in the query.
 */
import { ROUTE_NAMES, type RecordedRequest, type RouteName } from './types';

/** Bodies kept per route by default; older ones are dropped. */
export const KEPT_BODIES = 200;

export class RouteStats {
  private counts = RouteStats.empty();
  private calls = new Map<RouteName, RecordedRequest[]>();

  constructor(private readonly kept = KEPT_BODIES) {}

  private static empty(): Record<RouteName, number> {
    return Object.fromEntries(ROUTE_NAMES.map((r) => [r, 0])) as Record<RouteName, number>;
  }

  count(route: RouteName): void {
    this.counts[route]++;
  }

  /** Keeps a request: its query, and its body as parsed JSON, or the text when it is not JSON. */
  record(route: RouteName, body: string, query: Record<string, string> = {}): void {
    let parsed: unknown = body;
    try {
      parsed = JSON.parse(body);
    } catch {
      // Not JSON (a form, nothing at all): kept as sent.
    }
    const list = this.calls.get(route) ?? [];
    list.push({ query, body: parsed });
    if (list.length > this.kept) list.shift();
    this.calls.set(route, list);
  }

  /** The latest bodies received on `route`, oldest first. */
  requests(route: RouteName): unknown[] {
    return this.recorded(route).map((c) => c.body);
  }

  /** The latest requests received on `route`, with their query parameters, oldest first. */
  recorded(route: RouteName): RecordedRequest[] {
    return [...(this.calls.get(route) ?? [])];
  }

  /** A copy, so callers can keep it while requests go on. */
  snapshot(): Record<RouteName, number> {
    return { ...this.counts };
  }

  reset(): void {
    this.counts = RouteStats.empty();
    this.calls = new Map();
  }
}
