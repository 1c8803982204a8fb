/**
 * How long the simulator takes to answer the bot's heaviest routine ask (24 h, every metric,
 * grouped by skill), cold (a fresh Simulation generates traffic as it goes) and warm. The unit suite
 * used to assert "warm median < 50 ms"; here the figures are ratios against baselines measured
 * in the same run, so a slow machine shifts them all alike.
 */
import { DAY_MS } from '../src/domain/time';
import { BY_TIME_METRICS, CURRENT_VALUE_METRICS } from '../src/liveperson/contract/catalog';
import { validateKmmRequest, type NormalizedKmmRequest } from '../src/liveperson/contract/metrics-request';
import { DEFAULT_ACCOUNT_ID, DEFAULT_SEED } from '../src/simulator';
import { answerMetrics, type AnswerContext } from '../src/simulator/metrics-answer';
import { Simulation } from '../src/simulator/simulation';
import { printTable, writeResults, type BenchSummary, type Benchmark } from './benchmark';
import { medianMs, ratio, timeMs } from './timing';

/** A busy weekday late morning, as the simulator tests use. */
const BUSY = Date.UTC(2026, 10, 25, 11, 17);
const WARM_RUNS = 21;
const COLD_RUNS = 5;
/** The budget the unit test once asserted, kept only to say where warm stands against it. */
const FORMER_BUDGET_MS = 50;

function request(now: number): NormalizedKmmRequest {
  const v = validateKmmRequest(
    {
      body: {
        filters: { time: { from: now - DAY_MS, to: now } },
        groupBy: 'skillId',
        metricsToRetrieveByTime: [...BY_TIME_METRICS],
        metricsToRetrieveCurrentValue: [...CURRENT_VALUE_METRICS],
      },
    },
    now,
  );
  if (!v.ok) throw new Error(v.issues.map((i) => i.message).join(' '));
  return v.value;
}

function context(): AnswerContext {
  const sim = new Simulation({ accountId: DEFAULT_ACCOUNT_ID, seed: DEFAULT_SEED });
  return { sim, now: BUSY, baseUrl: 'http://sim', accountId: DEFAULT_ACCOUNT_ID };
}

function run(): Promise<BenchSummary> {
  const req = request(BUSY);
  // Cold: the first answer of a fresh Simulation, which generates the traffic it needs and the snapshot.
  const cold = Array.from({ length: COLD_RUNS }, () => {
    const ctx = context();
    return timeMs(() => answerMetrics(ctx, req, 'nested'));
  }).sort((a, b) => a - b)[Math.floor(COLD_RUNS / 2)]!;
  const ctx = context();
  const answer = answerMetrics(ctx, req, 'nested');
  const warm = medianMs(() => answerMetrics(ctx, req, 'nested'), WARM_RUNS);
  // Trivial baselines the server pays on every answer anyway.
  const validate = medianMs(() => request(BUSY), WARM_RUNS);
  const serialise = medianMs(() => JSON.stringify(answer), WARM_RUNS);

  console.log(`24 h, ${BY_TIME_METRICS.length + CURRENT_VALUE_METRICS.length} metrics, groupBy skillId\n`);
  printTable([
    ['step', 'median ms', '× warm answer'],
    [`cold answer (new Simulation, median of ${COLD_RUNS})`, cold.toFixed(2), ratio(cold, warm)],
    [`warm answer (median of ${WARM_RUNS})`, warm.toFixed(2), ratio(warm, warm)],
    ['validate the request', validate.toFixed(3), ratio(validate, warm)],
    ['JSON.stringify the answer', serialise.toFixed(3), ratio(serialise, warm)],
  ]);
  console.log(
    `\ncold / warm: ${ratio(cold, warm)} (what the model caches)` +
      `\nwarm / JSON.stringify: ${ratio(warm, serialise)} (computing the answer vs only sending it)` +
      `\nwarm / former ${FORMER_BUDGET_MS} ms unit-test budget: ${((100 * warm) / FORMER_BUDGET_MS).toFixed(0)}%`,
  );
  const file = writeResults('simulator-answer', {
    coldRuns: COLD_RUNS,
    warmRuns: WARM_RUNS,
    medianMs: { cold, warm, validate, serialise },
  });
  console.log(`(figures in ${file})`);
  return Promise.resolve({
    headline: `warm answer ${warm.toFixed(1)} ms, cold ${ratio(cold, warm)} warm`,
    file,
  });
}

export const benchmark: Benchmark = {
  name: 'simulator-answer',
  description:
    'The simulator answering a 24 h all-metrics by-skill ask: cold vs warm, against validation and serialisation in the same run.',
  run,
};
