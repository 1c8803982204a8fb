import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What a file in bench/ exports so the runner (bench/index.ts) picks it up. */
export interface Benchmark {
  name: string;
  /** One line: what is measured and why it matters. */
  description: string;
  /** Runs and prints its own results. */
  run(): Promise<void>;
}

/** Prints rows as an aligned text table (first row is the header). */
export function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const [n, row] of rows.entries()) {
    console.log(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

/** Heap used in MB after a GC when node runs with --expose-gc (otherwise as is). */
export function heapUsedMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** Whether heap figures are taken after a forced GC. */
export function gcExposed(): boolean {
  return typeof (globalThis as { gc?: unknown }).gc === 'function';
}

/** Writes a benchmark's figures as JSON to bench/results/<name>.json (the latest run's). */
export function writeResults(name: string, figures: unknown): string {
  const dir = path.join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), node: process.version, figures }, null, 2)}\n`,
  );
  return path.relative(process.cwd(), file);
}

/** Samples the process's RSS every few ms until stopped; returns the peak in MB. */
export function sampleRss(everyMs = 25): () => number {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, everyMs);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage.rss()) / 1024 / 1024;
  };
}
