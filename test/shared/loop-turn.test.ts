import { strict as assert } from 'node:assert';
import { nextTurn, turnsWaiting } from '../../src/shared/loop-turn';

describe('nextTurn', () => {
  it('resumes waiters in the order they asked', async () => {
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => nextTurn().then(() => order.push(n))));
    assert.deepEqual(order, [1, 2, 3]);
    assert.equal(turnsWaiting(), 0);
  });

  it('resumes one waiter per loop iteration, so the loop turns (and polls for I/O) between two', async () => {
    const order: string[] = [];
    // A marker once per loop iteration: each run schedules the next.
    let ticking = true;
    const tick = () => {
      order.push('turn of the loop');
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    await Promise.all([
      nextTurn().then(() => order.push('first')),
      nextTurn().then(() => order.push('second')),
      nextTurn().then(() => order.push('third')),
    ]);
    ticking = false;
    const at = (s: string) => order.indexOf(s);
    for (const [a, b] of [
      ['first', 'second'],
      ['second', 'third'],
    ] as const)
      assert.ok(
        order.slice(at(a) + 1, at(b)).includes('turn of the loop'),
        `the loop turned between ${a} and ${b}: ${order.join(', ')}`,
      );
  });

  it('does not resume in the same microtask run: code after the call goes first', async () => {
    const order: string[] = [];
    const p = nextTurn().then(() => order.push('turn'));
    await Promise.resolve();
    order.push('sync after');
    await p;
    assert.deepEqual(order, ['sync after', 'turn']);
  });
});
