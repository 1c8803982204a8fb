/**
 * Benchmark runner: `npm run bench [-- name-filter]`. Every other file in bench/ exports
 * `benchmark: Benchmark`; they run one after another, each printing its own markdown table, and
 * when more than one ran, a summary table closes the output: one row per benchmark.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { printTable, type Benchmark } from './benchmark';

async function main(): Promise<void> {
  const filter = process.argv[2];
  const files = readdirSync(__dirname)
    .filter((f) => /\.ts$/.test(f) && !['index.ts', 'benchmark.ts'].includes(f))
    .sort();
  const ran: { name: string; headline: string; file: string }[] = [];
  for (const file of files) {
    const mod = (await import(path.join(__dirname, file))) as { benchmark?: Benchmark };
    const bench = mod.benchmark;
    if (!bench || (filter && !bench.name.includes(filter))) continue;
    console.log(`\n## ${bench.name}\n${bench.description}\n`);
    const summary = await bench.run();
    ran.push({
      name: bench.name,
      headline: summary?.headline ?? '(see its table)',
      file: summary?.file ?? '—',
    });
  }
  if (ran.length > 1) {
    console.log('\n## Summary\n');
    printTable(
      [['benchmark', 'headline', 'figures in'], ...ran.map((r) => [r.name, r.headline, r.file])],
      ['left', 'left', 'left'],
    );
  }
  if (ran.length === 0) {
    console.error(filter ? `No benchmark matches '${filter}'.` : 'No benchmarks found in bench/.');
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
