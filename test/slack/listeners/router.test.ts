import { strict as assert } from 'node:assert';
import type { ReportOutcome } from '../../../src/domain/outcome';
import { encodeActionValue, sealActionValues, type ActionRef } from '../../../src/slack/action-ref';
import { CLICK_SETTLE_MS, routeAction } from '../../../src/slack/listeners/actions/router';
import { buildReport, overviewResponse, rankingQuery, SOURCE, skillQuery } from '../../fixtures/reports';
import { fakes, order, skillReportOutcome, textOf } from './support';

const skillReport = skillReportOutcome();
const rankingReport: ReportOutcome = {
  kind: 'report',
  report: buildReport({
    query: rankingQuery('closed'),
    responses: overviewResponse(),
    fetchedAt: 0,
    source: SOURCE,
    page: 2,
  }),
};
const PICK: ActionRef = { kind: 'pick', query: skillQuery('biling'), id: '1001' };
const PAGE: ActionRef = { kind: 'page', query: rankingQuery('closed'), page: 2 };

const click = (f: ReturnType<typeof fakes>, actionId: string, value: unknown) =>
  routeAction(
    { action: { action_id: actionId, value } as never, ack: f.ack as never, context: f.context as never },
    f.deps,
  );

describe('action router', () => {
  it('a pick acks first, shows the placeholder in place (no fallback), then answers by id', async () => {
    const f = fakes(skillReport);
    await click(f, 'qp:pick:0', encodeActionValue(PICK));
    assert.deepEqual(order(f), ['ack', 'replace', 'run', 'answer']);
    const [, placeholder, replaceOpts] = f.events[1]!;
    assert.match(textOf(placeholder as never), /Fetching \*biling\*/);
    assert.deepEqual(replaceOpts, { fallback: false });
    const [, query, runOpts] = f.events[2]! as [string, unknown, Record<string, unknown>];
    assert.deepEqual(query, PICK.query);
    assert.equal(runOpts.id, '1001');
    assert.ok(runOpts.deadline, 'one deadline for the answer');
    assert.match(textOf(f.sent('answer')[0]), /Waiting in queue/);
  });

  it('a page re-runs the stored ranking for that page and edits the message in place', async () => {
    const f = fakes(rankingReport);
    await click(f, 'qp:page:next', encodeActionValue(PAGE));
    assert.deepEqual(order(f), ['ack', 'run', 'answer']);
    assert.equal((f.events[1]![2] as { page: number }).page, 2);
    assert.deepEqual(f.events[2]![2], { inPlace: true });
  });

  it('a page keeps the zone its wall-clock window was read in, whoever clicks', async () => {
    const f = fakes(rankingReport);
    const sinceEight = {
      ...PAGE,
      query: { ...PAGE.query, window: { kind: 'since' as const, hour: 8, minute: 0, day: 'auto' as const } },
      zone: 'Asia/Kathmandu',
    };
    await click(f, 'qp:page:next', encodeActionValue(sinceEight));
    assert.equal(
      (f.events.find((e) => e[0] === 'run')![2] as { timezone: unknown }).timezone,
      'Asia/Kathmandu',
    );
    assert.ok(!order(f).includes('timezone'), "the clicker's own zone is not asked for");
  });

  it('state that lived in the store comes back from it', async () => {
    const f = fakes(skillReport);
    const big: ActionRef = { ...PICK, query: skillQuery('x'.repeat(480)) };
    const [block] = await sealActionValues(
      [
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              text: { type: 'plain_text', text: 'x' },
              action_id: 'qp:pick:0',
              value: encodeActionValue(big, 100),
            },
          ],
        },
      ],
      f.actionState,
    );
    const value = (block as { elements: { value: string }[] }).elements[0]!.value;
    assert.match(value, /^1@/);
    await click(f, 'qp:pick:0', value);
    assert.deepEqual(f.events.find((e) => e[0] === 'run')?.[1], big.query);
  });

  describe('stale, tampered, foreign or expired buttons get a friendly note, never an error', () => {
    const cases: [string, string, unknown][] = [
      ['garbage', 'qp:page:next', '1|{"garbage":true'],
      ['a tampered value', 'qp:page:next', '1|{"kind":"page","query":{"kind":"ranking"},"page":2}'],
      ['a value of another kind than its button', 'qp:pick:0', encodeActionValue(PAGE)],
      ['an expired stored key', 'qp:pick:0', '1@abcdefghijklmnop'],
      ['a button of the first bot version', 'page_next', JSON.stringify({ q: { kind: 'overview' }, p: 2 })],
      ['no value at all', 'qp:pick:0', undefined],
    ];
    for (const [what, actionId, value] of cases) {
      it(what, async () => {
        const f = fakes(skillReport);
        await click(f, actionId, value);
        assert.deepEqual(order(f), ['ack', 'note']);
        assert.match(textOf(f.sent('note')[0]), /older message; run the command again/);
        assert.equal(f.run.callCount, 0);
        assert.ok(f.logLines.some((l) => /stale or unknown button/.test(l)));
      });
    }
  });

  it('a store that fails while reading button state: an apology beside the message, and a log line', async () => {
    const f = fakes(skillReport);
    f.actionState.get = () => Promise.reject(new Error('ECONNREFUSED redis'));
    await click(f, 'qp:pick:0', '1@abcdefghijklmnop');
    assert.deepEqual(order(f), ['ack', 'note']);
    assert.match(textOf(f.sent('note')[0]), /Something went wrong on our side/);
    assert.ok(f.logLines.some((l) => /could not read button state/.test(l) && /ECONNREFUSED/.test(l)));
  });

  it('a click is dropped while the same one runs; after its settle window it runs again', async () => {
    const f = fakes(skillReport);
    const value = encodeActionValue(PICK);
    await Promise.all([click(f, 'qp:pick:0', value), click(f, 'qp:pick:0', value)]);
    assert.equal(f.run.callCount, 1, 'the double click ran once');
    assert.ok(f.logLines.some((l) => /double click dropped/.test(l)));
    // The answer came at once (a cached one): a click straight after is still the double click.
    await click(f, 'qp:pick:0', value);
    assert.equal(f.run.callCount, 1, 'dropped within the settle window');
    await new Promise((r) => setTimeout(r, CLICK_SETTLE_MS + 100));
    await click(f, 'qp:pick:0', value);
    assert.equal(f.run.callCount, 2, 'asked again once the first was answered');
  });

  it('a click whose claim failed ends no claim: the same click running meanwhile keeps its own', async () => {
    // The first click's answer is held back; every later one answers at once.
    let answerFirst!: () => void;
    const held = new Promise<void>((resolve) => (answerFirst = resolve));
    let runs = 0;
    const f = fakes(() => (++runs === 1 ? held.then(() => skillReport) : Promise.resolve(skillReport)));
    const value = encodeActionValue(PICK);
    const claims = f.deps.claims as { claim: (k: string, ttl: number) => Promise<boolean> };
    const claim = claims.claim.bind(claims);
    let calls = 0;
    claims.claim = (k, ttl) => (++calls === 2 ? Promise.reject(new Error('ETIMEDOUT')) : claim(k, ttl));
    const first = click(f, 'qp:pick:0', value);
    await new Promise((r) => setImmediate(r));
    // The store fails this one: it runs regardless, and must not cut the first click's claim short.
    await click(f, 'qp:pick:0', value);
    await new Promise((r) => setTimeout(r, CLICK_SETTLE_MS + 100));
    await click(f, 'qp:pick:0', value);
    assert.equal(f.run.callCount, 2, 'the first click still runs: the same click again is dropped');
    answerFirst();
    await first;
  });

  it('a store that cannot end the click: the answer is out all the same, and a warning says so', async () => {
    const f = fakes(skillReport);
    const claims = f.deps.claims as { renew: unknown; release: unknown };
    claims.renew = claims.release = () => Promise.reject(new Error('ECONNRESET redis'));
    await click(f, 'qp:pick:0', encodeActionValue(PICK));
    assert.deepEqual(order(f), ['ack', 'replace', 'run', 'answer']);
    assert.ok(f.logLines.some((l) => /could not end a click/.test(l) && /ECONNRESET/.test(l)));
  });

  it('acks at once even when reading the state from the store takes long', async () => {
    const f = fakes(skillReport);
    let release!: () => void;
    f.actionState.get = () =>
      new Promise((resolve) => {
        release = () => resolve(PICK);
      });
    const pending = click(f, 'qp:pick:0', '1@abcdefghijklmnop');
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(order(f), ['ack'], 'acked before the store answered');
    release();
    await pending;
    assert.ok(order(f).includes('answer'));
  });
});
