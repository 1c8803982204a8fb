import { strict as assert } from 'node:assert';
import { Reachability } from '../../../src/liveperson/client/reachability';

describe('LivePerson reachability (for /healthz)', () => {
  it('is unknown before any request, failing after a failure, ok again after an answer', () => {
    let t = 1_000;
    const r = new Reachability(() => t);
    assert.deepEqual(r.snapshot(), { state: 'unknown' });
    r.failed('metrics: HTTP 503 ' + 'x'.repeat(500));
    assert.equal(r.snapshot().state, 'failing');
    assert.equal(r.snapshot().lastFailure?.detail.length, 200, 'the detail is cut');
    r.answered();
    assert.deepEqual(r.snapshot(), { state: 'ok', lastOkAt: 1_000, lastFailure: r.snapshot().lastFailure });
    t = 2_000;
    r.failed('historical: timeout');
    assert.equal(r.snapshot().state, 'failing', 'the last event decides, even at the same instant');
  });
});
