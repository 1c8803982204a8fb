/**
 * Shared set-up for client tests against the simulator: its default credentials, a fixed clock,
 * realistic requests, and a client wired to it with retries that never really sleep.
 */
import {
  createLivePersonClient,
  type LivePersonClient,
  type LivePersonClientOptions,
} from '../../../src/liveperson/client/client';
import { DAY_MS } from '../../../src/domain/time';
import { type KmmRequest } from '../../../src/liveperson/contract/metrics-request';
import type { Simulator } from '../../../src/simulator';
import { fakeRuntime } from './fake-time';

/** The simulator's default OAuth key and login, under the names the client tests use. */
export { DEFAULT_LOGIN as SIM_LOGIN, DEFAULT_OAUTH as SIM_OAUTH } from '../../../src/simulator';

/** A weekday afternoon, so the simulated contact center is busy. */
export const T0 = Date.UTC(2026, 10, 25, 15, 0, 0);

/** The bot's bread and butter: the last 24 h by skill. */
export function dayBySkill(now: number, over: Partial<KmmRequest> = {}): KmmRequest {
  return {
    body: {
      filters: { time: { from: now - DAY_MS, to: now } },
      groupBy: 'skillId',
      responseSections: ['all', 'groupBy'],
      metricsToRetrieveByTime: ['closed_conversations', 'avg_wait_time', 'avg_time_to_response'],
      metricsToRetrieveCurrentValue: ['online_agents', 'assigned_conversations', 'agent_load'],
    },
    ...over,
  };
}

/** A client on the simulator's clock whose retries wait on a fake clock. */
export function clientFor(sim: Simulator, opts: Partial<LivePersonClientOptions> = {}): LivePersonClient {
  return createLivePersonClient({
    accountId: sim.accountId,
    csdsUrl: sim.url,
    now: () => sim.now(),
    retry: fakeRuntime(),
    ...opts,
  });
}

/** Sum of all simulator route counters. */
export function totalRequests(sim: Simulator): number {
  return Object.values(sim.stats()).reduce((a, b) => a + b, 0);
}
