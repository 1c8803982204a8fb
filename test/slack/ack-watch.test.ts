/**
 * One wrapper for every ack watcher: each watcher hears a request's arrival, its first ack and the
 * end of its processing, in that order, while the request and its acks reach Bolt unchanged.
 */
import { strict as assert } from 'node:assert';
import type { App, ReceiverEvent } from '@slack/bolt';
import { watchAcks, type AckWatcher } from '../../src/slack/ack-watch';

/** A stand-in for App's processEvent that records what Bolt was handed and acks `times` times. */
function fakeApp(times: number, seen: ReceiverEvent[], fail?: 'throw' | 'reject'): App {
  return {
    processEvent: async (event: ReceiverEvent) => {
      seen.push(event);
      for (let i = 0; i < times; i++) await event.ack(`ack ${i}`);
      if (fail === 'reject') throw new Error('listener failed');
    },
  } as unknown as App;
}

const recorder =
  (name: string, log: string[]): AckWatcher =>
  (event) => {
    log.push(`${name} arrived ${(event.body as { command: string }).command}`);
    return { acked: () => log.push(`${name} acked`), settled: () => log.push(`${name} settled`) };
  };

describe('ack watch', () => {
  it('tells every watcher of arrival, the first ack only, and the end; Bolt gets the event whole', async () => {
    const log: string[] = [];
    const bolt: ReceiverEvent[] = [];
    const app = fakeApp(2, bolt);
    watchAcks(app, [recorder('a', log), recorder('b', log)]);
    const acks: unknown[] = [];
    const ack = (r?: unknown) => {
      acks.push(r);
      return Promise.resolve();
    };
    const event: ReceiverEvent = {
      body: { command: '/queue' },
      retryNum: 1,
      retryReason: 'http_timeout',
      customProperties: { via: 'test' },
      ack,
    };
    await app.processEvent(event);
    assert.deepEqual(acks, ['ack 0', 'ack 1'], 'every ack reaches the receiver, response and all');
    const { ack: wrapped, ...rest } = bolt[0]!;
    const { ack: _original, ...expected } = event;
    assert.deepEqual(rest, expected, 'the rest of the event reaches Bolt unchanged');
    assert.equal(typeof wrapped, 'function');
    assert.deepEqual(log, [
      'a arrived /queue',
      'b arrived /queue',
      'a acked',
      'b acked',
      'a settled',
      'b settled',
    ]);
  });

  it('a watcher that throws does not keep the ack from the watchers after it', async () => {
    const log: string[] = [];
    const app = fakeApp(2, []);
    const throwing: AckWatcher = () => ({
      acked: () => {
        throw new Error('histogram broke');
      },
      settled: () => {
        throw new Error('histogram broke');
      },
    });
    watchAcks(app, [throwing, recorder('b', log)]);
    await assert.rejects(
      app.processEvent({ body: { command: '/queue' }, ack: () => Promise.resolve() }),
      /histogram broke/,
    );
    assert.deepEqual(log, ['b arrived /queue', 'b acked', 'b settled'], 'told once each, after the failure');
  });

  it('ends the watch of a request whose processing fails, and passes the failure on', async () => {
    const log: string[] = [];
    const app = fakeApp(0, [], 'reject');
    watchAcks(app, [recorder('a', log)]);
    await assert.rejects(
      app.processEvent({ body: { command: '/queue' }, ack: () => Promise.resolve() }),
      /listener failed/,
    );
    assert.deepEqual(log, ['a arrived /queue', 'a settled']);
  });

  it('ends the watch when processEvent throws before it returns a promise', () => {
    const log: string[] = [];
    const app = {
      processEvent: () => {
        throw new Error('sync failure');
      },
    } as unknown as App;
    watchAcks(app, [recorder('a', log)]);
    assert.throws(
      () => app.processEvent({ body: { command: '/queue' }, ack: () => Promise.resolve() }),
      /sync failure/,
    );
    assert.deepEqual(log, ['a arrived /queue', 'a settled']);
  });

  it('still counts an ack that the receiver fails to send as acked', async () => {
    const log: string[] = [];
    const app = fakeApp(1, []);
    watchAcks(app, [recorder('a', log)]);
    await assert.rejects(
      app.processEvent({
        body: { command: '/queue' },
        ack: () => Promise.reject(new Error('socket closed')),
      }),
      /socket closed/,
    );
    assert.deepEqual(log, ['a arrived /queue', 'a acked', 'a settled']);
  });
});
