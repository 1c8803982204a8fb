import { strict as assert } from 'node:assert';
import type { HomeView } from '@slack/types';
import {
  billingResponse,
  buildReport,
  overviewQuery,
  overviewResponse,
  skillQuery,
} from '../../fixtures/reports';
import { handleAppHomeOpened } from '../../../src/slack/listeners/events/app-home';
import { checkView } from '../../../src/slack/views/limits';
import { addDigest, fakes, type Fakes } from './support';

type HomeArgs = Parameters<typeof handleAppHomeOpened>[0];

function args(tab: string, context: Record<string, unknown>): HomeArgs {
  return {
    event: { type: 'app_home_opened', user: 'U1', channel: 'D1', tab, event_ts: '1.0' },
    context,
  } as unknown as HomeArgs;
}

/** The outcome of a Billing skill report, as the report service answers it. */
const billingReport = () =>
  ({
    kind: 'report',
    report: buildReport({
      query: skillQuery(),
      responses: billingResponse(),
      scope: { id: '12', name: 'Billing' },
      fetchedAt: 1,
      source: 'Simulator',
    }),
  }) as const;

const lastView = (f: Fakes): HomeView => f.publishHome.lastCall.args[1];
const text = (v: HomeView) => JSON.stringify(v.blocks);

describe('app_home_opened', () => {
  it('publishes at once, then with the account headline, within Slack limits, naming the data source', async () => {
    const f = fakes({
      kind: 'report',
      report: buildReport({
        query: overviewQuery(),
        responses: overviewResponse(),
        fetchedAt: 1,
        source: 'Simulator',
      }),
    });
    await handleAppHomeOpened(args('home', f.context), f.deps);
    assert.equal(f.publishHome.callCount, 2, 'what is known first, then the fresh figures');
    assert.equal(f.publishHome.firstCall.args[0], 'U1');
    const view = lastView(f);
    assert.equal(view.type, 'home');
    assert.deepEqual(checkView(view), []);
    assert.match(text(view), /Simulator/);
    // The account's own headline under its title, not the "figures come later" line.
    assert.match(text(view), /Account · last hour\*\\n:[a-z_]+: /);
    assert.match(text(view), /Nothing yet/, 'no watched skills: says how to watch one');
    assert.equal(f.run.callCount, 1, 'the account only');
  });

  it('shows each watched skill with its headline and an Unwatch button', async () => {
    const f = fakes(billingReport());
    await f.deps.home.watches.add(f.ctx.teamId, 'U1', {
      scope: { of: 'skill', id: '12' },
      name: 'Billing <b>',
    });
    await handleAppHomeOpened(args('home', f.context), f.deps);
    const view = lastView(f);
    assert.deepEqual(checkView(view), []);
    assert.match(text(view), /Billing &lt;b&gt;/, 'names escaped');
    assert.match(text(view), /"action_id":"qp:unwatch:0"/);
    const asked = f.run.getCalls().map((c) => [(c.args[0] as { kind: string }).kind, c.args[1]?.id]);
    assert.deepEqual(asked, [
      ['overview', undefined],
      ['skill', '12'],
    ]);
  });

  it('asks LivePerson at most once a minute per user, however often the tab is opened', async () => {
    const f = fakes(billingReport());
    for (let i = 0; i < 5; i++) await handleAppHomeOpened(args('home', f.context), f.deps);
    assert.equal(f.run.callCount, 1, 'the account headline, once');
    assert.equal(f.publishHome.callCount, 2 + 4, 'every open still publishes');
    assert.match(text(lastView(f)), /at most once a minute/);
  });

  it("lists the user's shift summaries with their channel, schedule, timezone and next post", async () => {
    const f = fakes(billingReport());
    await handleAppHomeOpened(args('home', f.context), f.deps);
    assert.match(text(lastView(f)), /Your shift summaries\*\\nNone yet/);
    const d = await addDigest(f, { channelId: 'C0LEADS', zone: 'Europe/Berlin' });
    await handleAppHomeOpened(args('home', f.context), f.deps);
    const home = text(lastView(f));
    assert.match(home, /<#C0LEADS>/);
    assert.ok(home.includes(d.id), 'its id');
    assert.match(home, /Europe\/Berlin/);
    assert.match(home, /next <!date\^/);
    assert.deepEqual(checkView(lastView(f)), []);
  });

  it('does nothing for the Messages tab', async () => {
    const f = fakes(billingReport());
    await handleAppHomeOpened(args('messages', f.context), f.deps);
    assert.equal(f.publishHome.callCount, 0);
  });

  it('a failed views.publish is logged, not thrown (Slack would retry the event)', async () => {
    const f = fakes(billingReport());
    f.publishHome.resolves({ ok: false, reason: 'failed', detail: 'views.publish: not_authed' });
    await handleAppHomeOpened(args('home', f.context), f.deps);
    const warn = f.logLines
      .map((l) => JSON.parse(l) as { level: string; msg: string; detail?: string })
      .find((l) => l.level === 'warn');
    assert.match(warn?.msg ?? '', /App Home could not be published/);
    assert.match(warn?.detail ?? '', /not_authed/);
  });
});
