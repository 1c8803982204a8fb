import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLivePersonClient } from '../../../src/liveperson/client/client';
import { LivePersonTimeoutError } from '../../../src/liveperson/client/errors';

/**
 * A call's budget (800 ms here) covers time spent queued behind other requests, not only time on
 * the wire: a burst must not turn one budget into one budget per queued request.
 */
describe('KMM client: the call budget includes waiting for a request slot', function () {
  this.timeout(10_000);
  let server: Server;
  let port = 0;

  before(async () => {
    server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url?.includes('baseURI')) {
        res.end(JSON.stringify({ baseURI: `http://127.0.0.1:${port}` }));
        return;
      }
      setTimeout(() => res.end('[]'), 450);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('four queued lookups with one slot all settle within the budget', async () => {
    const client = createLivePersonClient({
      accountId: '1',
      csdsUrl: `http://127.0.0.1:${port}`,
      maxConcurrentRequests: 1,
      retry: { policies: { interactive: { budgetMs: 800 } } },
    });
    try {
      await client.accountConfig('skills', 'warm-up');
      const t0 = performance.now();
      const settled = await Promise.allSettled(
        [1, 2, 3, 4].map((i) => client.accountConfig('skills', `rev${i}`).then(() => performance.now() - t0)),
      );
      assert.equal(settled[0]!.status, 'fulfilled');
      // Each answer takes 450 ms, one at a time: were queueing not counted, all four would fit
      // their own 800 ms and succeed.
      assert.ok(
        settled.some((s) => s.status === 'rejected' && s.reason instanceof LivePersonTimeoutError),
        'queued calls past the budget fail as timeouts',
      );
    } finally {
      await client.close();
    }
  });
});
