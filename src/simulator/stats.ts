/**
 * Requests received per route (including rejected and faulted ones), for tests and /_sim/stats,
 * and the latest bodies, so a test can check what the bot actually asked LivePerson for.
 */
import { ROUTE_NAMES, type RouteName } from './types';

/** Bodies kept per route; older ones are dropped. */
const KEPT_BODIES = 200;

export class RouteStats {
  private counts = RouteStats.empty();
  private bodies = new Map<RouteName, unknown[]>();

  private static empty(): Record<RouteName, number> {
    return Object.fromEntries(ROUTE_NAMES.map((r) => [r, 0])) as Record<RouteName, number>;
  }

  count(route: RouteName): void {
    this.counts[route]++;
  }

  /** Keeps a request body: parsed JSON, or the text when it is not JSON. */
  record(route: RouteName, body: string): void {
    let parsed: unknown = body;
    try {
      parsed = JSON.parse(body);
    } catch {
      // Not JSON (a form, nothing at all): kept as sent.
    }
    const list = this.bodies.get(route) ?? [];
    list.push(parsed);
    if (list.length > KEPT_BODIES) list.shift();
    this.bodies.set(route, list);
  }

  /** The latest bodies received on `route`, oldest first. */
  requests(route: RouteName): unknown[] {
    return [...(this.bodies.get(route) ?? [])];
  }

  /** A copy, so callers can keep it while requests go on. */
  snapshot(): Record<RouteName, number> {
    return { ...this.counts };
  }

  reset(): void {
    this.counts = RouteStats.empty();
    this.bodies = new Map();
  }
}
