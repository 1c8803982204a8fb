import { strict as assert } from 'node:assert';
import { fastForward, offsetClock, PAST_FIRE_MS } from '../../src/sandbox/clock';

describe('sandbox clock: fast-forward', () => {
  const MIN = 60_000;
  const T0 = Date.UTC(2026, 10, 25, 15, 0);

  it('stops at each digest fire on the way and ticks there, then at the target', async () => {
    const clock = offsetClock(() => T0);
    const fires = [T0 + 10 * MIN, T0 + 40 * MIN, T0 + 90 * MIN];
    const ticks: number[] = [];
    const r = await fastForward(
      {
        clock,
        nextFire: (after) => Promise.resolve(fires.find((f) => f >= after)),
        tick: () => Promise.resolve(ticks.push(clock.now())),
      },
      60 * MIN,
    );
    assert.deepEqual(ticks, [T0 + 10 * MIN + PAST_FIRE_MS, T0 + 40 * MIN + PAST_FIRE_MS, T0 + 60 * MIN]);
    assert.equal(r.now, T0 + 60 * MIN);
    assert.equal(clock.offsetMs(), 60 * MIN);
  });

  it('runs on with its base and never goes back', () => {
    let base = T0;
    const clock = offsetClock(() => base);
    clock.moveTo(T0 + MIN);
    base += 1_000;
    assert.equal(clock.now(), T0 + MIN + 1_000);
    clock.moveTo(T0);
    assert.equal(clock.now(), T0 + MIN + 1_000);
  });
});
