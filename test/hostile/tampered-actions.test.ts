/**
 * Tampered button and menu values, signed and sent as Slack would send them, to the real bot: each
 * gets the readable "older message" note beside the clicked message, and nothing else happens — no
 * LivePerson call, no post to a channel, no stack trace, and the bot answers the next command.
 */
import { strict as assert } from 'node:assert';
import { encodeActionValue, type ActionRef } from '../../src/slack/action-ref';
import type { RouteName } from '../../src/simulator';
import { startHarness, texts, type Harness } from '../e2e/harness';

type Obj = Record<string, unknown>;

const RUN: ActionRef = {
  kind: 'run',
  query: { kind: 'skill', name: 'Billing', window: { kind: 'last', ms: 3_600_000 }, public: false },
  id: '1001',
};

/** The LivePerson calls the simulator received so far, all routes together. */
function lpCalls(h: Harness): number {
  const stats = h.sim.stats();
  return (Object.keys(stats) as RouteName[]).reduce((n, r) => n + stats[r], 0);
}

/** The overview's "Open a skill or group" menu: its action_id and its options' (sealed) values. */
function scopeMenu(message: Obj): { actionId: string; values: string[] } {
  for (const b of (message.blocks ?? []) as Obj[]) {
    for (const e of (Array.isArray(b.elements) ? b.elements : []) as Obj[]) {
      if (e.type !== 'static_select') continue;
      const groups = (e.option_groups ?? []) as { options: { value: string }[] }[];
      const values = [...((e.options ?? []) as { value: string }[]), ...groups.flatMap((g) => g.options)].map(
        (o) => o.value,
      );
      return { actionId: String(e.action_id), values };
    }
  }
  assert.fail('no menu on the overview');
}

describe('tampered action values over HTTP', function () {
  this.timeout(60_000);
  let h: Harness;
  let menu: { actionId: string; values: string[] };

  before(async () => {
    h = await startHarness();
    const r = await h.command('');
    const posts = await h.slack.waitFor(() => {
      const got = h.slack.responsesTo(r.responseId);
      return got.some((p) => /Open a skill or group/.test(JSON.stringify(p.body))) ? got : undefined;
    });
    menu = scopeMenu(posts[posts.length - 1]!.body);
    assert.match(menu.values[0]!, /^1@[\w-]+\.0$/, 'the menu is sealed in the store');
    // A stored state that has expired: written with a 1 ms lifetime.
    await h.bot.container.actionState.set('expired-key-0001', RUN, 1);
    await new Promise((r) => setTimeout(r, 20));
  });
  after(() => h?.close());

  const key = (): string => menu.values[0]!.slice(2).split('.')[0]!;
  const inlineRun = encodeActionValue(RUN);
  const cases: [string, () => { actionId: string; value?: string; selectedValue?: string }][] = [
    ['garbage', () => ({ actionId: 'qp:run', value: '\u0000<!channel>{{{' })],
    ['not JSON after the version', () => ({ actionId: 'qp:run', value: '1|{"kind":"run",' })],
    ['a valid ref on a button of another kind', () => ({ actionId: 'qp:share', value: inlineRun })],
    [
      'a valid ref with its kind changed',
      () => ({ actionId: 'qp:run', value: inlineRun.replace('"run"', '"open"') }),
    ],
    ['another version', () => ({ actionId: 'qp:run', value: `2${inlineRun.slice(1)}` })],
    ['a stored key that does not exist', () => ({ actionId: 'qp:run', value: '1@no-such-key-anywhere' })],
    ['a stored key that expired', () => ({ actionId: 'qp:run', value: '1@expired-key-0001' })],
    [
      'an oversized value',
      () => ({ actionId: 'qp:run', value: `1|${JSON.stringify({ ...RUN, pad: 'x'.repeat(5000) })}` }),
    ],
    [
      'a value just over 2000 characters that is otherwise a valid ref',
      () => ({
        actionId: 'qp:run',
        value:
          encodeActionValue({ ...RUN, query: { ...RUN.query, name: 'B'.repeat(500) } as never }) +
          ' '.repeat(2000),
      }),
    ],
    [
      'a menu option past the end of its record',
      () => ({ actionId: menu.actionId, selectedValue: `1@${key()}.99` }),
    ],
    ['a menu record used as a button', () => ({ actionId: menu.actionId, selectedValue: `1@${key()}` })],
    [
      'a menu option of a key that is not there',
      () => ({ actionId: menu.actionId, selectedValue: '1@nokey-nokey.0' }),
    ],
    [
      'a digest button with a field added',
      () => ({ actionId: 'qp:digest', value: '1|{"kind":"digest","op":"delete","id":"abc","all":true}' }),
    ],
    [
      'a digest button with an unknown op',
      () => ({ actionId: 'qp:digest', value: '1|{"kind":"digest","op":"drop","id":"abc"}' }),
    ],
  ];

  for (const [what, input] of cases) {
    it(`${what}: a readable note, nothing else`, async () => {
      const lpBefore = lpCalls(h);
      const postsBefore = h.slack.callsTo('chat.postMessage').length + h.slack.callsTo('views.open').length;
      const click = await h.click(input());
      assert.equal(click.status, 200);
      const [note] = await h.responses(click.responseId);
      const said = texts(note!.body).join('\n');
      assert.match(said, /That button is from an older message; run the command again\./);
      assert.equal(note!.body.replace_original, false, 'the clicked message stays');
      assert.doesNotMatch(JSON.stringify(note!.body), /Error|\bat \w+ \(|node_modules|\.ts:\d+/);
      await h.bot.container.inFlight.drain(10_000);
      assert.equal(lpCalls(h), lpBefore, 'no LivePerson call');
      assert.equal(
        h.slack.callsTo('chat.postMessage').length + h.slack.callsTo('views.open').length,
        postsBefore,
        'nothing posted, no form opened',
      );
    });
  }

  it('a digest button for a digest that does not exist says so, and changes nothing', async () => {
    const click = await h.click({
      actionId: 'qp:digest',
      value: encodeActionValue({ kind: 'digest', op: 'delete', id: 'zz99' }),
    });
    const [note] = await h.responses(click.responseId);
    assert.match(texts(note!.body).join('\n'), /There is no digest `zz99` \(any more\)/);
  });

  it('a tampered click on the Home tab publishes Home again instead of failing', async () => {
    const before = h.slack.callsTo('views.publish').length;
    const click = await h.click({ actionId: 'qp:watch', value: '1|{"kind":"watch"}', home: true });
    assert.equal(click.status, 200);
    await h.slack.waitFor(() => h.slack.callsTo('views.publish').length > before);
  });

  it('after all of them the bot still answers', async () => {
    const r = await h.command('skill billing');
    await h.slack.waitFor(() =>
      h.slack.responsesTo(r.responseId).some((p) => texts(p.body).join('\n').includes('Waiting in queue')),
    );
    assert.ok(!h.logger.lines.some((l) => /"level":(50|60)/.test(l) && /unhandled|uncaught/i.test(l)));
  });
});
