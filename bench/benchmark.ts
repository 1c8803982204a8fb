import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What a file in bench/ exports so the runner (bench/index.ts) picks it up. */
export interface Benchmark {
  name: string;
  /** One line: what is measured and why it matters. */
  description: string;
  /** Runs and prints its own results; may hand the runner a line for the closing summary. */
  run(): Promise<void | BenchSummary>;
}

/** One benchmark's row in the summary `npm run bench` prints after a full run. */
export interface BenchSummary {
  /** The figure that says how it went, e.g. "p99 1.2× the floor" or "1,000 posted in 5.1 s, dup 0, lost 0". */
  headline: string;
  /** Where its figures were written (writeResults' answer), if anywhere. */
  file?: string;
}

/** A `|` inside a cell would end it: escape it as GitHub's tables expect. */
const cell = (c: string): string => c.replace(/\|/g, '\\|');

export type Align = 'left' | 'right';

/**
 * Rows as a GitHub-markdown table (the first row is the header), padded so it also lines up in a
 * terminal. By default the first column is left-aligned (labels) and the others right-aligned
 * (figures); `align` says otherwise, column by column.
 */
export function formatTable(rows: readonly (readonly string[])[], align?: readonly Align[]): string {
  const cells = rows.map((r) => r.map(cell));
  const columns = Math.max(...cells.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, i) =>
    // A separator cell needs at least three characters (`:--`, `--:`).
    Math.max(3, ...cells.map((r) => (r[i] ?? '').length)),
  );
  const left = (i: number) => (align?.[i] ?? (i === 0 ? 'left' : 'right')) === 'left';
  const line = (r: readonly string[]) =>
    `| ${widths.map((w, i) => (left(i) ? (r[i] ?? '').padEnd(w) : (r[i] ?? '').padStart(w))).join(' | ')} |`;
  const separator = `| ${widths.map((w, i) => (left(i) ? `:${'-'.repeat(w - 1)}` : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [line(cells[0] ?? []), separator, ...cells.slice(1).map(line)].join('\n');
}

/** Prints rows as a markdown table (see formatTable). */
export function printTable(rows: readonly (readonly string[])[], align?: readonly Align[]): void {
  console.log(formatTable(rows, align));
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
