import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { blockActionsBody, slashCommandBody } from '../../src/sandbox/payloads';
import { createLogger } from '../../src/shared/logger';
import { contextMiddleware, createQueueContext, describeBody, queueContextOf } from '../../src/slack/context';
import type { Outbox } from '../../src/slack/outbox';
import type { TimezoneLookup } from '../../src/slack/timezones';

const command = () =>
  Object.fromEntries(
    new URLSearchParams(slashCommandBody({ text: 'skill billing', responseUrl: 'http://slack.test/r/1' })),
  );
const action = (ephemeral: boolean) =>
  JSON.parse(
    new URLSearchParams(
      blockActionsBody({
        actionId: 'qp:page:next',
        responseUrl: 'http://slack.test/r/2',
        ephemeral,
        messageTs: '171.5',
      }),
    ).get('payload')!,
  ) as Record<string, unknown>;
const homeEvent = {
  type: 'event_callback',
  team_id: 'T0001',
  event: { type: 'app_home_opened', user: 'U0456', channel: 'D0001', tab: 'home' },
};

function deps() {
  const lines: string[] = [];
  const of = sinon.stub().resolves('Europe/Berlin');
  const timezones: TimezoneLookup = { fallback: 'UTC', of };
  return {
    lines,
    of,
    deps: {
      log: createLogger({ level: 'debug', destination: { write: (l: string) => lines.push(l) } }),
      now: () => 42,
      timezones,
      outbox: {} as Outbox,
    },
  };
}

describe('per-request context', () => {
  it('reads who asked, where, and how to answer, from a slash command', () => {
    assert.deepEqual(describeBody(command()), {
      surface: 'command',
      teamId: 'T0001',
      userId: 'U0456',
      channelId: 'C0123',
      responseUrl: 'http://slack.test/r/1',
    });
  });

  it('from a click on an ephemeral message and on a normal one (whose ts allows chat.update)', () => {
    assert.deepEqual(describeBody(action(true)), {
      surface: 'action',
      teamId: 'T0001',
      userId: 'U0456',
      channelId: 'C0123',
      responseUrl: 'http://slack.test/r/2',
      messageTs: '171.5',
      messageEphemeral: true,
    });
    assert.equal(describeBody(action(false)).messageEphemeral, undefined);
    assert.equal(describeBody(action(false)).messageTs, '171.5');
  });

  it('from an event', () => {
    assert.deepEqual(describeBody(homeEvent), {
      surface: 'event',
      teamId: 'T0001',
      userId: 'U0456',
      channelId: 'D0001',
    });
  });

  it('tolerates anything', () => {
    for (const body of [undefined, null, 42, 'x', [], { user: 'not-an-object-id' }]) {
      assert.equal(describeBody(body).surface, 'other');
    }
  });

  it('logs through a child logger carrying request id, surface, team and user', () => {
    const d = deps();
    const ctx = createQueueContext(command(), d.deps);
    ctx.log.info('hello');
    const line = JSON.parse(d.lines[0]!) as Record<string, unknown>;
    assert.equal(line.msg, 'hello');
    assert.equal(line.surface, 'command');
    assert.equal(line.team, 'T0001');
    assert.equal(line.user, 'U0456');
    assert.match(String(line.requestId), /^[0-9a-f]{12}$/);
    assert.notEqual(createQueueContext(command(), d.deps).requestId, ctx.requestId);
  });

  it('carries the shared outbox, for sends other than the answer (channel posts, DMs)', () => {
    const d = deps();
    assert.equal(createQueueContext(command(), d.deps).outbox, d.deps.outbox);
  });

  it('asks for the timezone only when called, at most once per request', async () => {
    const d = deps();
    const ctx = createQueueContext(command(), d.deps);
    assert.equal(d.of.callCount, 0, 'building the context does no lookup');
    assert.equal(await ctx.timezone(), 'Europe/Berlin');
    await ctx.timezone();
    assert.equal(d.of.callCount, 1);
    assert.deepEqual(d.of.firstCall.args, ['U0456']);
  });

  it('the middleware puts the context on Bolt’s context and lets the listener run, doing no I/O', async () => {
    const d = deps();
    const context: Record<string, unknown> = {};
    const next = sinon.stub().resolves();
    await contextMiddleware(d.deps)({ body: command(), context, next } as never);
    assert.ok(next.calledOnce);
    assert.equal(queueContextOf(context as never).userId, 'U0456');
    assert.equal(d.of.callCount, 0);
    assert.throws(() => queueContextOf({} as never), /contextMiddleware/);
  });
});
