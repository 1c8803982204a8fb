/**
 * runInLanes, the scheduler's way through a tick: a bounded number of workers, one per lane at a
 * time, each lane in order, and a slow lane that holds up nobody else.
 */
import { strict as assert } from 'node:assert';
import { runInLanes } from '../../src/schedule/lanes';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('runInLanes', () => {
  it('never more than the limit at once, never two of one lane at once, each lane in order', async () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ lane: `L${i % 5}`, n: i }));
    let active = 0;
    let peak = 0;
    const busy = new Set<string>();
    const done: { lane: string; n: number }[] = [];
    await runInLanes(
      items,
      (i) => i.lane,
      3,
      async (i) => {
        assert.ok(!busy.has(i.lane), `two workers on ${i.lane}`);
        busy.add(i.lane);
        peak = Math.max(peak, ++active);
        await sleep(1 + (i.n % 3));
        active--;
        busy.delete(i.lane);
        done.push(i);
      },
    );
    assert.equal(done.length, 40);
    assert.equal(peak, 3);
    for (let l = 0; l < 5; l++) {
      const order = done.filter((d) => d.lane === `L${l}`).map((d) => d.n);
      assert.deepEqual(
        order,
        [...order].sort((a, b) => a - b),
        `lane L${l} in order`,
      );
    }
  });

  it('a slow lane keeps one worker: every other lane finishes while it is still on its first item', async () => {
    const items = [
      { lane: 'SLOW', n: 0 },
      ...Array.from({ length: 30 }, (_, i) => ({ lane: `F${i}`, n: i + 1 })),
    ];
    const fastDone: number[] = [];
    let slowFinishedAfter = -1;
    await runInLanes(
      items,
      (i) => i.lane,
      4,
      async (i) => {
        if (i.lane === 'SLOW') {
          // It waits until the others are through: with fixed batches this would never end.
          for (let t = 0; t < 200 && fastDone.length < 30; t++) await sleep(5);
          slowFinishedAfter = fastDone.length;
          return;
        }
        await sleep(1);
        fastDone.push(i.n);
      },
    );
    assert.equal(slowFinishedAfter, 30);
  });

  it('the next item of a lane waits behind every other lane that has work', async () => {
    const order: string[] = [];
    await runInLanes(
      ['a1', 'a2', 'b1', 'c1'],
      (s) => s[0]!,
      1,
      (s) => {
        order.push(s);
        return Promise.resolve();
      },
    );
    assert.deepEqual(order, ['a1', 'b1', 'c1', 'a2']);
  });

  it('nothing to do resolves at once; a failing item rejects', async () => {
    await runInLanes(
      [],
      () => 'x',
      4,
      () => Promise.reject(new Error('not called')),
    );
    await assert.rejects(
      runInLanes(
        [1],
        () => 'x',
        4,
        () => Promise.reject(new Error('boom')),
      ),
      /boom/,
    );
  });
});
