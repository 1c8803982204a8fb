/**
 * Ack timing: each request body Bolt receives is told apart by kind, and every ack is timed once
 * from the moment the receiver handed the request over; a request never acked is not timed.
 */
import { strict as assert } from 'node:assert';
import type { App, ReceiverEvent } from '@slack/bolt';
import { ackKindOf, timeAcks, type AckKind } from '../../src/slack/ack-timing';
import { watchAcks } from '../../src/slack/ack-watch';

/** The one method of App that watchAcks wraps, with a listener that acks `times` times. */
function fakeApp(times: number): App {
  return {
    processEvent: async (event: ReceiverEvent) => {
      for (let i = 0; i < times; i++) await event.ack();
    },
  } as unknown as App;
}

const event = (body: Record<string, unknown>, acks: unknown[] = []): ReceiverEvent => ({
  body,
  ack: (r?: unknown) => {
    acks.push(r);
    return Promise.resolve();
  },
});

describe('ack timing', () => {
  it('tells the kinds of request apart', () => {
    const cases: [unknown, AckKind][] = [
      [{ command: '/queue', text: 'skill billing' }, 'command'],
      [{ type: 'block_actions', actions: [] }, 'action'],
      [{ type: 'view_submission', view: {} }, 'view'],
      [{ type: 'view_closed', view: {} }, 'view'],
      [{ type: 'block_suggestion', value: 'bil' }, 'options'],
      [{ type: 'shortcut' }, 'shortcut'],
      [{ type: 'event_callback', event: { type: 'app_home_opened' } }, 'event'],
      [{ type: 'something_new' }, 'other'],
      [undefined, 'other'],
    ];
    for (const [body, kind] of cases) assert.equal(ackKindOf(body), kind, JSON.stringify(body));
  });

  it('times the ack once, by kind, and still passes the ack on', async () => {
    const seen: [AckKind, number][] = [];
    const app = fakeApp(2);
    watchAcks(app, [timeAcks((kind, seconds) => seen.push([kind, seconds]))]);
    const acks: unknown[] = [];
    await app.processEvent(event({ command: '/queue' }, acks));
    assert.equal(acks.length, 2, 'both acks reached the receiver');
    assert.equal(seen.length, 1);
    assert.equal(seen[0]![0], 'command');
    assert.ok(seen[0]![1] >= 0);
  });

  it('does not time a request that was never acked', async () => {
    const seen: unknown[] = [];
    const app = fakeApp(0);
    watchAcks(app, [timeAcks((kind) => seen.push(kind))]);
    await app.processEvent(event({ type: 'block_actions' }));
    assert.deepEqual(seen, []);
  });
});
