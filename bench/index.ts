/**
 * Benchmark runner: `npm run bench [-- name-filter]`. Every other file in bench/ exports
 * `benchmark: Benchmark`; they run one after another, each printing its own table.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Benchmark } from './benchmark';

async function main(): Promise<void> {
  const filter = process.argv[2];
  const files = readdirSync(__dirname)
    .filter((f) => /\.ts$/.test(f) && !['index.ts', 'benchmark.ts'].includes(f))
    .sort();
  let ran = 0;
  for (const file of files) {
    const mod = (await import(path.join(__dirname, file))) as { benchmark?: Benchmark };
    const bench = mod.benchmark;
    if (!bench || (filter && !bench.name.includes(filter))) continue;
    console.log(`\n## ${bench.name}\n${bench.description}\n`);
    await bench.run();
    ran++;
  }
  if (ran === 0) {
    console.error(filter ? `No benchmark matches '${filter}'.` : 'No benchmarks found in bench/.');
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
