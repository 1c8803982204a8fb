/**
 * Name matching over a large account (1000 "Campaign NNN" skills, as the simulator's extraSkills
 * makes): a typo that falls through to fuzzy search, and a word that matches every name, against
 * an exact name as the baseline, and 100 vs 1000 candidates to show how it scales. The unit suite
 * used to assert "< 500 ms"; here the figures are ratios within one run.
 */
import { matchName } from '../src/liveperson/name-match';
import { printTable, writeResults, type BenchSummary, type Benchmark } from './benchmark';
import { medianMs, ratio } from './timing';

const RUNS = 21;

function campaigns(n: number): { id: string; name: string }[] {
  return Array.from({ length: n }, (_, i) => ({
    id: String(2001 + i),
    name: `Campaign ${String(i + 1).padStart(3, '0')}`,
  }));
}

function run(): Promise<BenchSummary> {
  const big = campaigns(1000);
  const small = campaigns(100);
  const time = (query: string, items: { id: string; name: string }[]) =>
    medianMs(() => matchName(query, items), RUNS);
  // Warm every path once so the first row does not carry JIT start-up.
  for (const q of ['Campaign 042', 'campaing 042', 'campaign']) matchName(q, big);

  const exact = time('Campaign 042', big);
  const typo = time('campaing 042', big);
  const every = time('campaign', big);
  const typoSmall = time('campaing 042', small);

  console.log(`median of ${RUNS} runs each\n`);
  printTable([
    ['query', 'candidates', 'median ms', '× exact'],
    ['"Campaign 042" (exact)', '1000', exact.toFixed(3), ratio(exact, exact)],
    ['"campaing 042" (typo → suggestions)', '1000', typo.toFixed(3), ratio(typo, exact)],
    ['"campaign" (matches all → ambiguous)', '1000', every.toFixed(3), ratio(every, exact)],
    ['"campaing 042" (typo → suggestions)', '100', typoSmall.toFixed(3), ratio(typoSmall, exact)],
  ]);
  console.log(`\ntypo, 1000 / 100 candidates: ${ratio(typo, typoSmall)} (10× would be linear)`);
  const file = writeResults('name-match', {
    runs: RUNS,
    medianMs: { exact, typo, matchesAll: every, typo100: typoSmall },
  });
  console.log(`(figures in ${file})`);
  return Promise.resolve({
    headline: `typo over 1000 skills ${typo.toFixed(2)} ms (${ratio(typo, exact)} exact); 1000/100: ${ratio(typo, typoSmall)}`,
    file,
  });
}

export const benchmark: Benchmark = {
  name: 'name-match',
  description:
    'matchName over 1000 skills: typo and match-all queries against an exact name, and 100 vs 1000 candidates.',
  run,
};
