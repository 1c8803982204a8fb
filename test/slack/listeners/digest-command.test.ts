import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { CHANNEL_CHECK_BUDGET_MS } from '../../../src/slack/listeners/commands/digest';
import { ACTION_HANDLERS } from '../../../src/slack/listeners/actions/router';
import { handleQueueCommand } from '../../../src/slack/listeners/commands/queue';
import type { Outbox } from '../../../src/slack/outbox';
import { addDigest, fakes, skillReportOutcome, textOf } from './support';

const run = (f: ReturnType<typeof fakes>, text: string) =>
  handleQueueCommand(
    { command: { text, channel_name: 'leads' } as never, ack: f.ack as never, context: f.context as never },
    f.deps,
  );

describe('/queue digest add (one line): the channel check', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  afterEach(() => clock?.restore());

  it('a Slack that never answers whether the bot is in the channel: saved once the check runs out', async () => {
    const f = fakes(skillReportOutcome());
    let asked = 0;
    f.ctx.outbox = {
      channelAccess: () => {
        asked++;
        return new Promise(() => undefined);
      },
    } as unknown as Outbox;
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const done = run(f, 'digest add 17:00 skill billing');
    await clock.tickAsync(CHANNEL_CHECK_BUDGET_MS + 10);
    await done;
    assert.equal(asked, 1);
    assert.equal((await f.deps.digests.listForChannel('T1', 'C1')).length, 1);
    assert.match(textOf(f.sent('replace')[0]), /set up: posts in C1,/);
  });

  it('the bot not in the channel: nothing saved, the note says how to invite it', async () => {
    const f = fakes(skillReportOutcome());
    f.ctx.outbox = { channelAccess: () => Promise.resolve('not-in-channel') } as unknown as Outbox;
    await run(f, 'digest add 17:00 skill billing');
    assert.match(
      textOf(f.sent('replace')[0]),
      /Nothing saved: Queue Pulse is not in C1, so it cannot post the summary there\. Invite it/,
    );
    assert.equal((await f.deps.digests.listForChannel('T1', 'C1')).length, 0);
  });
});

describe("someone else's digest: refused, and the log says what was asked", () => {
  const theirs = (f: ReturnType<typeof fakes>) => addDigest(f, { owner: 'U0OWNER', channelId: 'C0LEADS' });
  const refusals = (f: ReturnType<typeof fakes>) =>
    f.logLines
      .filter((l) => l.includes('digest change refused'))
      .map((l) => JSON.parse(l) as { digest: string; op: string });

  for (const [text, op] of [
    ['pause', 'pause'],
    ['resume', 'resume'],
    ['remove', 'delete'],
  ] as const)
    it(`/queue digest ${text} <id>`, async () => {
      const f = fakes(skillReportOutcome());
      const d = await theirs(f);
      await run(f, `digest ${text} ${d.id}`);
      const said = [...f.sent('note'), ...f.sent('replace')].map(textOf).join('\n');
      assert.match(said, /Only <@U0OWNER>, who set up digest/);
      assert.deepEqual(
        refusals(f).map((r) => [r.digest, r.op]),
        [[d.id, op]],
      );
      assert.ok(await f.deps.digests.get(d.id), 'still there');
    });

  it('a click on its buttons (run now, delete) and its Edit form', async () => {
    const f = fakes(skillReportOutcome());
    const d = await theirs(f);
    const click = { actionId: 'qp:digest', fingerprint: 'x', triggerId: 'trigger-1' };
    await ACTION_HANDLERS.digest({ kind: 'digest', op: 'run', id: d.id }, f.ctx, f.deps, click);
    await ACTION_HANDLERS.digest({ kind: 'digest', op: 'delete', id: d.id }, f.ctx, f.deps, click);
    await ACTION_HANDLERS.digest({ kind: 'digest', op: 'edit', id: d.id }, f.ctx, f.deps, click);
    assert.deepEqual(
      refusals(f).map((r) => r.op),
      ['run', 'delete', 'edit'],
    );
    assert.ok(await f.deps.digests.get(d.id), 'still there');
  });
});
