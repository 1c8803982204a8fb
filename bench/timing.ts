/** Wall-clock helpers shared by the benchmarks (not a benchmark itself: it exports none). */

/** Milliseconds one call of `fn` takes. */
export function timeMs(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** The median of `runs` timed calls (a single slow run from a GC pause does not move it). */
export function medianMs(fn: () => unknown, runs: number): number {
  const times = Array.from({ length: runs }, () => timeMs(fn)).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

/** `a / b` as "12.3×" (three decimals below 1, where one would round to 0.0). */
export function ratio(a: number, b: number): string {
  const r = a / b;
  return `${r.toFixed(r < 1 ? 3 : 1)}×`;
}
