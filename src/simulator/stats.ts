/** Requests received per route (including rejected and faulted ones), for tests and /_sim/stats. */
import { ROUTE_NAMES, type RouteName } from './types';

export class RouteStats {
  private counts = RouteStats.empty();

  private static empty(): Record<RouteName, number> {
    return Object.fromEntries(ROUTE_NAMES.map((r) => [r, 0])) as Record<RouteName, number>;
  }

  count(route: RouteName): void {
    this.counts[route]++;
  }

  /** A copy, so callers can keep it while requests go on. */
  snapshot(): Record<RouteName, number> {
    return { ...this.counts };
  }

  reset(): void {
    this.counts = RouteStats.empty();
  }
}
