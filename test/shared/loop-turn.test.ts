import { strict as assert } from 'node:assert';
import {
  foreground,
  FOREGROUND_MAX_MS,
  foregroundOpen,
  MAX_DEFER_MS,
  nextTurn,
  QUIET_MS,
  turnsWaiting,
} from '../../src/shared/loop-turn';

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

describe('nextTurn behind requests being taken (acks first)', () => {
  // Each test starts on a quiet foreground: busy spells of two tests must not run into one.
  beforeEach(() => new Promise((resolve) => setTimeout(resolve, QUIET_MS * 4)));

  const settledWithin = async (p: Promise<unknown>, ms: number): Promise<boolean> => {
    let settled = false;
    void p.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, ms));
    return settled;
  };

  it('waits while a request is open, and resumes once it is answered and the foreground is quiet', async () => {
    const answered = foreground();
    const turn = nextTurn();
    assert.equal(await settledWithin(turn, 50), false, 'held while the request is open');
    answered();
    const endedAt = performance.now();
    await turn;
    assert.ok(performance.now() - endedAt >= QUIET_MS - 1, 'not before the foreground was quiet');
    assert.equal(foregroundOpen(), 0);
  });

  it('is held at most MAX_DEFER_MS, however busy the foreground stays', async () => {
    const answered = foreground();
    try {
      const started = performance.now();
      await nextTurn();
      const waited = performance.now() - started;
      assert.ok(waited >= MAX_DEFER_MS - 1 && waited < MAX_DEFER_MS + 500, `waited ${waited.toFixed(0)} ms`);
    } finally {
      answered();
    }
  });

  it('a request that was just answered still holds work back: the next may be arriving', async () => {
    const turn = nextTurn();
    let settled = false;
    void turn.then(() => (settled = true));
    // Requests one after another, each answered at once, with turns of the loop in between.
    for (let i = 0; i < 30; i++) {
      foreground()();
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(settled, false, `held after request ${i + 1}`);
    }
    await turn;
  });

  it('a foreground busy past MAX_DEFER_MS holds the next steps no longer: they resume one per turn', async () => {
    const answered = foreground();
    try {
      await nextTurn();
      const started = performance.now();
      await nextTurn();
      await nextTurn();
      const waited = performance.now() - started;
      assert.ok(waited < MAX_DEFER_MS / 2, `two more steps waited ${waited.toFixed(0)} ms`);
    } finally {
      answered();
    }
  });

  it('a request open longer than FOREGROUND_MAX_MS stops counting (a client trickling its body)', async function () {
    this.timeout(FOREGROUND_MAX_MS + 5_000);
    foreground();
    assert.equal(foregroundOpen(), 1);
    await new Promise((resolve) => setTimeout(resolve, FOREGROUND_MAX_MS + 50));
    assert.equal(foregroundOpen(), 0);
  });

  it('answering a request twice counts it once', async () => {
    const answered = foreground();
    answered();
    answered();
    assert.equal(foregroundOpen(), 0);
    await nextTurn();
  });
});
