/**
 * A retry runtime whose clock moves only when the loop sleeps: retry schedules run instantly and
 * every requested wait is recorded.
 */
import type { RetryRuntime } from '../../../src/liveperson/client/retry-policy';

export interface FakeRuntime extends RetryRuntime {
  /** Every wait the loop asked for, in ms. */
  sleeps: number[];
}

/** `random` defaults to 0 (no jitter) so waits are exact. */
export function fakeRuntime(random = 0): FakeRuntime {
  let t = 0;
  const sleeps: number[] = [];
  return {
    timeScale: 1,
    random: () => random,
    monotonic: () => t,
    sleep: (ms) => {
      sleeps.push(ms);
      t += ms;
      return Promise.resolve();
    },
    sleeps,
  };
}
