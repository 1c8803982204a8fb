import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { handleAppHomeOpened } from '../../../src/slack/listeners/events/app-home';
import { checkView } from '../../../src/slack/views/limits';
import { fakes } from './support';

type HomeArgs = Parameters<typeof handleAppHomeOpened>[0];

function args(tab: string, publish: sinon.SinonStub, context: Record<string, unknown>): HomeArgs {
  return {
    event: { type: 'app_home_opened', user: 'U1', channel: 'D1', tab, event_ts: '1.0' },
    client: { views: { publish } },
    context,
  } as unknown as HomeArgs;
}

describe('app_home_opened', () => {
  it('publishes the Home tab for the user who opened it, within Slack limits, naming the data source', async () => {
    const f = fakes(() => Promise.reject(new Error('unused')));
    const publish = sinon.stub().resolves({ ok: true });
    await handleAppHomeOpened(args('home', publish, f.context), { source: 'LivePerson account 123' });
    assert.equal(publish.callCount, 1);
    const { user_id, view } = publish.firstCall.args[0] as {
      user_id: string;
      view: { type: string; blocks: unknown[] };
    };
    assert.equal(user_id, 'U1');
    assert.equal(view.type, 'home');
    assert.deepEqual(checkView(view), []);
    assert.match(JSON.stringify(view.blocks), /LivePerson account 123/);
  });

  it('does nothing for the Messages tab', async () => {
    const f = fakes(() => Promise.reject(new Error('unused')));
    const publish = sinon.stub().resolves({ ok: true });
    await handleAppHomeOpened(args('messages', publish, f.context), { source: 'x' });
    assert.equal(publish.callCount, 0);
  });

  it('a failed views.publish is logged, not thrown (Slack would retry the event)', async () => {
    const f = fakes(() => Promise.reject(new Error('unused')));
    const publish = sinon.stub().rejects(new Error('not_authed'));
    await handleAppHomeOpened(args('home', publish, f.context), { source: 'x' });
    const warn = f.logLines
      .map((l) => JSON.parse(l) as { level: string; msg: string; error?: string })
      .find((l) => l.level === 'warn');
    assert.match(warn?.msg ?? '', /views.publish failed/);
    assert.equal(warn?.error, 'not_authed');
  });
});
