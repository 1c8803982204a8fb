import { strict as assert } from 'node:assert';
import { InFlight } from '../../src/slack/in-flight';

const later = <T>(ms: number, v: T) => new Promise<T>((r) => setTimeout(() => r(v), ms));

describe('InFlight', () => {
  it('tracks work until it settles, failures included', async () => {
    const f = new InFlight();
    const ok = f.run(() => later(20, 'x'));
    const bad = f.run(() => later(10, 0).then(() => Promise.reject(new Error('boom'))));
    assert.equal(f.size, 2);
    assert.equal(await ok, 'x');
    await assert.rejects(bad, /boom/);
    assert.equal(f.size, 0);
  });

  it('drain waits for running work, or gives up after the timeout', async () => {
    const f = new InFlight();
    assert.equal(await f.drain(10), true);
    void f.run(() => later(30, 1));
    assert.equal(await f.drain(500), true);
    void f.run(() => later(500, 1));
    const started = Date.now();
    assert.equal(await f.drain(30), false);
    assert.ok(Date.now() - started < 300);
  });
});
