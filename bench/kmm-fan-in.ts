/**
 * 100 people ask the same question at once (a channel pressing Refresh, a digest fan-out): how many
 * requests reach LivePerson, and how long until everyone has an answer? Our client (single-flight +
 * cache) against a plain axios loop firing the same 100 requests, on the in-process simulator.
 */
import axios from 'axios';
import { DAY_MS } from '../src/domain/time';
import { type KmmRequest } from '../src/liveperson/contract/metrics-request';
import { createLivePersonClient } from '../src/liveperson/client/client';
import { startSimulator, type Simulator } from '../src/simulator';
import {
  gcExposed,
  heapUsedMb,
  printTable,
  writeResults,
  type BenchSummary,
  type Benchmark,
} from './benchmark';

const CONCURRENT = 100;
const LATENCY_MS = 50;

interface Result {
  upstream: number;
  wallMs: number;
  heapDeltaMb: number;
}

function request(now: number): KmmRequest {
  return {
    body: {
      filters: { time: { from: now - DAY_MS, to: now } },
      groupBy: 'skillId',
      responseSections: ['all', 'groupBy'],
      metricsToRetrieveByTime: [
        'closed_conversations',
        'avg_wait_time',
        'avg_wait_time_first_response',
        'avg_time_to_response',
        'csat',
      ],
      metricsToRetrieveCurrentValue: ['online_agents', 'away_agents', 'assigned_conversations', 'agent_load'],
    },
    sort: { key: 'closedConversations', order: 'desc' },
  };
}

async function measure(sim: Simulator, fire: () => Promise<unknown[]>): Promise<Result> {
  sim.resetStats();
  const heapBefore = heapUsedMb();
  const started = performance.now();
  const answers = await fire();
  const wallMs = performance.now() - started;
  const heapDeltaMb = heapUsedMb() - heapBefore;
  if (answers.length !== CONCURRENT) throw new Error(`expected ${CONCURRENT} answers, got ${answers.length}`);
  return { upstream: sim.stats().metrics, wallMs, heapDeltaMb };
}

async function run(): Promise<BenchSummary> {
  const sim = await startSimulator({ latencyMs: LATENCY_MS });
  const now = sim.now();
  const req = request(now);
  const client = createLivePersonClient({ accountId: sim.accountId, csdsUrl: sim.url, now: () => sim.now() });
  const metricsUrl = `${sim.url}/manager_workspace/api/account/${sim.accountId}/metrics`;
  const plain = axios.create();
  try {
    // Warm both paths once (JIT, sockets, CSDS) so the comparison is about the burst, not start-up.
    await client.metrics({ ...req, limit: 1 });
    await plain.post(metricsUrl, req.body, { params: { offset: 0, limit: 1 } });

    const ours = await measure(sim, () =>
      Promise.all(Array.from({ length: CONCURRENT }, () => client.metrics(req))),
    );
    const loop = await measure(sim, () =>
      Promise.all(
        Array.from({ length: CONCURRENT }, () =>
          plain
            .post(metricsUrl, req.body, {
              params: { offset: 0, limit: 50, sort: 'closedConversations:desc' },
            })
            .then((r) => r.data as unknown),
        ),
      ),
    );
    const fmt = (r: Result) => [String(r.upstream), r.wallMs.toFixed(1), r.heapDeltaMb.toFixed(2)];
    console.log(
      `${CONCURRENT} concurrent identical 24 h groupBy-skillId metrics asks, simulator latency ${LATENCY_MS} ms\n`,
    );
    printTable([
      ['variant', 'upstream requests', 'wall ms', 'heap Δ MB'],
      ['queue-pulse client', ...fmt(ours)],
      ['plain axios loop', ...fmt(loop)],
    ]);
    console.log(
      `\nrequests ratio (axios / client): ${(loop.upstream / Math.max(1, ours.upstream)).toFixed(1)}×` +
        `\nwall-time ratio (axios / client): ${(loop.wallMs / ours.wallMs).toFixed(1)}×`,
    );
    if (!gcExposed())
      console.log(
        '(heap Δ without a forced GC; NODE_OPTIONS=--expose-gc npm run bench gives steadier numbers)',
      );
    const file = writeResults('kmm-fan-in', {
      concurrent: CONCURRENT,
      latencyMs: LATENCY_MS,
      heapAfterGc: gcExposed(),
      client: ours,
      plainAxios: loop,
    });
    console.log(`(figures in ${file})`);
    return {
      headline:
        `${CONCURRENT} identical asks: ${ours.upstream} LivePerson request(s) vs ${loop.upstream}, ` +
        `${(loop.wallMs / ours.wallMs).toFixed(1)}× faster than a plain loop`,
      file,
    };
  } finally {
    await client.close();
    await sim.close();
  }
}

export const benchmark: Benchmark = {
  name: 'kmm-fan-in',
  description: `${CONCURRENT} concurrent identical metrics asks: this client vs a plain axios loop (upstream requests, wall time, heap).`,
  run,
};
