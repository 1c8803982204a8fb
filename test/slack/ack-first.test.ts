/**
 * Acks first: a request counts as being taken (foreground) from its arrival to its ack, over HTTP
 * from its headers to its response, so work after other acks waits behind it.
 */
import { strict as assert } from 'node:assert';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App, ReceiverEvent } from '@slack/bolt';
import { foregroundOpen, nextTurn } from '../../src/shared/loop-turn';
import { ackFirst, ackFirstServer } from '../../src/slack/ack-first';
import { watchAcks } from '../../src/slack/ack-watch';

/** The one method of App that watchAcks wraps; its listener acks when `ackNow` is called. */
function fakeApp(): { app: App; ackNow: () => void; finish: () => void } {
  let ackNow!: () => void;
  let finish!: () => void;
  const app = {
    processEvent: async (event: ReceiverEvent) => {
      await new Promise<void>((resolve) => (ackNow = resolve));
      await event.ack();
      await new Promise<void>((resolve) => (finish = resolve));
    },
  } as unknown as App;
  return { app, ackNow: () => ackNow(), finish: () => finish() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('acks first', () => {
  it('a request Bolt processes is foreground until its ack, not until its listener ends', async () => {
    const { app, ackNow, finish } = fakeApp();
    watchAcks(app, [ackFirst]);
    const acks: unknown[] = [];
    const processing = app.processEvent({
      body: { command: '/queue' },
      ack: (r) => {
        acks.push(r);
        return Promise.resolve();
      },
    });
    await tick();
    assert.equal(foregroundOpen(), 1, 'taken, not yet acked');
    ackNow();
    await tick();
    assert.equal(acks.length, 1, 'the ack reached the receiver');
    assert.equal(foregroundOpen(), 0, 'acked: the answer work after it may go');
    finish();
    await processing;
    assert.equal(foregroundOpen(), 0);
  });

  it('a request nobody acks stops counting when its processing ends', async () => {
    const app = { processEvent: () => Promise.reject(new Error('bad payload')) } as unknown as App;
    watchAcks(app, [ackFirst]);
    await assert.rejects(app.processEvent({ body: {}, ack: () => Promise.resolve() }), /bad payload/);
    assert.equal(foregroundOpen(), 0);
  });

  describe('over HTTP', () => {
    let server: Server;
    let respond: (() => void) | undefined;
    beforeEach(async () => {
      server = createServer((_req, res) => {
        respond = () => res.end('ok');
      });
      ackFirstServer(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterEach(async () => {
      respond = undefined;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it('from its arrival to its response: work waiting for a turn goes only after', async () => {
      const { port } = server.address() as AddressInfo;
      const order: string[] = [];
      const answered = new Promise<void>((resolve) => {
        const req = httpRequest({ port, host: '127.0.0.1', method: 'POST', path: '/slack/events' }, (res) => {
          res.resume();
          res.on('end', () => resolve());
        });
        req.end('command=%2Fqueue');
      });
      while (!respond) await tick();
      assert.equal(foregroundOpen(), 1);
      const turn = nextTurn().then(() => order.push('work after an ack'));
      await new Promise((resolve) => setTimeout(resolve, 30));
      order.push('response');
      respond();
      await answered;
      await turn;
      assert.deepEqual(order, ['response', 'work after an ack']);
      assert.equal(foregroundOpen(), 0);
    });

    it('/healthz and /metrics are not Slack requests: they hold nothing back', async () => {
      const { port } = server.address() as AddressInfo;
      const req = httpRequest({ port, host: '127.0.0.1', method: 'GET', path: '/healthz' });
      req.on('error', () => undefined);
      req.end();
      while (!respond) await tick();
      assert.equal(foregroundOpen(), 0);
      respond();
    });

    it('a client that hangs up before the response stops counting too', async () => {
      const { port } = server.address() as AddressInfo;
      const req = httpRequest({ port, host: '127.0.0.1', method: 'POST', path: '/slack/events' });
      req.on('error', () => undefined);
      req.end('command=%2Fqueue');
      while (!respond) await tick();
      assert.equal(foregroundOpen(), 1);
      req.destroy();
      while (foregroundOpen() > 0) await tick();
      await nextTurn();
    });
  });
});
