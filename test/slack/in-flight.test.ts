import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { InFlight } from '../../src/slack/in-flight';

describe('InFlight', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => clock.restore());

  const later = <T>(ms: number, v: T) => new Promise<T>((r) => setTimeout(() => r(v), ms));

  it('tracks work until it settles, failures included', async () => {
    const f = new InFlight();
    const ok = f.run(() => later(20, 'x'));
    const bad = f.run(() => later(10, 0).then(() => Promise.reject(new Error('boom'))));
    assert.equal(f.size, 2);
    const rejected = assert.rejects(bad, /boom/);
    await clock.tickAsync(20);
    assert.equal(await ok, 'x');
    await rejected;
    assert.equal(f.size, 0);
  });

  it('drain resolves true once running work settles', async () => {
    const f = new InFlight();
    assert.equal(await f.drain(10), true, 'nothing running');
    void f.run(() => later(30, 1));
    const drained = f.drain(500);
    await clock.tickAsync(30);
    assert.equal(await drained, true);
  });

  it('drain gives up after its timeout, while the work goes on', async () => {
    const f = new InFlight();
    const work = f.run(() => later(500, 1));
    let result: boolean | undefined;
    void f.drain(30).then((r) => (result = r));
    await clock.tickAsync(29);
    assert.equal(result, undefined, 'still waiting before the timeout');
    await clock.tickAsync(1);
    assert.equal(result, false, 'gave up at the timeout, not when the work ended');
    assert.equal(f.size, 1);
    await clock.tickAsync(470);
    assert.equal(await work, 1);
  });
});
