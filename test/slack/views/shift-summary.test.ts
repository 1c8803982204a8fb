/**
 * The shift summary and the missed note as data: header with the scope and the shift in the
 * digest's zone, figures beside last week, best and worst, the live-view button, late and manual
 * marks, all inside Slack's limits with hostile names.
 */
import { strict as assert } from 'node:assert';
import type { Digest, DigestScope, DigestTarget } from '../../../src/domain/digest';
import type { MetricValues } from '../../../src/domain/metrics';
import { toReport, type SkillReport, type OverviewReport } from '../../../src/domain/report';
import { rankStandings, type ShiftSummary } from '../../../src/domain/shift-summary';
import { DAY_MS, HOUR_MS } from '../../../src/domain/time';
import { resolveWindow } from '../../../src/domain/window';
import { parseActionRef } from '../../../src/slack/action-ref';
import { checkMessage, LIMITS } from '../../../src/slack/views/limits';
import { renderMissedNote, renderShiftSummary } from '../../../src/slack/views/shift-summary';

// 17:00 in Berlin (CET) on Wednesday 25 Nov 2026.
const FIRE = Date.UTC(2026, 10, 25, 16, 0, 0);
const SHIFT = 8 * HOUR_MS;
const HOSTILE = `<!channel> *bold* & ${'x'.repeat(280)}`;

function digestOf(scope: DigestScope, zone = 'Europe/Berlin'): Digest {
  return {
    id: 'dg-7',
    teamId: 'T1',
    channelId: 'C1',
    createdBy: 'U1',
    createdAt: 0,
    updatedAt: 0,
    schedule: { days: { kind: 'weekdays' }, hour: 17, minute: 0, zone },
    windowMs: SHIFT,
    scope,
    chart: true,
    paused: false,
  };
}

const NOW_VALUES: MetricValues = {
  waiting: 3,
  overdueInQueue: 1,
  queueWaitP50: 40_000,
  queueWaitP90: 200_000,
  agentsOnline: 4,
  agentsBackSoon: 1,
  agentsAway: 0,
  freeSlots: 0,
  humanLoad: 1,
  closed: 120,
  closedByAgent: 100,
  closedByConsumer: 15,
  autoClosed: 5,
  avgWait: 95_000,
  avgWaitFirstResponse: 60_000,
  avgTimeToResponse: 30_000,
  csat: 0.87,
};
const WEEK_VALUES: MetricValues = { closed: 100, closedByAgent: 90, avgWait: 120_000, csat: 0.8 };

function windowAt(zone: string) {
  const r = resolveWindow({ kind: 'last', ms: SHIFT }, FIRE, zone);
  assert.ok(r.ok);
  return r.window;
}

const week = { from: FIRE - SHIFT - 7 * DAY_MS, to: FIRE - 7 * DAY_MS };

function skillReport(target: DigestTarget, values: MetricValues, zone = 'Europe/Berlin'): SkillReport {
  const report = toReport({
    query: {
      kind: 'skill',
      name: target.name,
      window: { kind: 'last', ms: SHIFT },
      public: true,
      compare: ['week'],
    },
    window: windowAt(zone),
    scope: target,
    answer: { rows: [], count: 0, totals: values },
    fetchedAt: FIRE,
    source: 'LivePerson simulator',
    comparisons: [{ with: 'week', window: week, answer: { rows: [], count: 0, totals: WEEK_VALUES } }],
  });
  assert.ok(report.kind === 'skill');
  return report;
}

function overviewReport(): OverviewReport {
  const report = toReport({
    query: { kind: 'overview', window: { kind: 'last', ms: SHIFT }, public: true, compare: ['week'] },
    window: windowAt('Europe/Berlin'),
    answer: { rows: [{ id: '1001', name: 'Billing', values: NOW_VALUES }], count: 1, totals: NOW_VALUES },
    fetchedAt: FIRE,
    source: 'LivePerson simulator',
    comparisons: [{ with: 'week', window: week, answer: { rows: [], count: 0, totals: WEEK_VALUES } }],
  });
  assert.ok(report.kind === 'overview');
  return report;
}

function accountSummary(): ShiftSummary {
  return {
    scope: 'account',
    digestId: 'dg-7',
    fireAt: FIRE,
    from: FIRE - SHIFT,
    to: FIRE,
    zone: 'Europe/Berlin',
    report: overviewReport(),
    standings: rankStandings('skills', [
      { id: '1001', name: 'Billing', value: 95_000, status: 'warn' },
      { id: '1002', name: 'Sales', value: 20_000, status: 'ok' },
    ]),
  };
}

function skillsSummary(
  targets: DigestTarget[],
  zone = 'Europe/Berlin',
  gone: DigestTarget[] = [],
): ShiftSummary {
  const reports = targets.map((t, i) =>
    skillReport(t, { ...NOW_VALUES, avgWait: 30_000 + i * 10_000 }, zone),
  );
  return {
    scope: 'skills',
    digestId: 'dg-7',
    fireAt: FIRE,
    from: FIRE - SHIFT,
    to: FIRE,
    zone,
    items: [
      ...reports.map((report, i) => ({ kind: 'report' as const, target: targets[i]!, report })),
      ...gone.map((target) => ({ kind: 'gone' as const, target })),
    ],
    standings: rankStandings(
      'skills',
      reports.map((r) => ({
        id: r.id,
        name: r.name,
        value: r.kpis.avgWait.value,
        status: r.kpis.avgWait.status,
      })),
    ),
  };
}

/** The ref an inline button value carries (`1|<json>`). */
function refOf(value: string) {
  assert.ok(value.startsWith('1|'), value);
  return parseActionRef(JSON.parse(value.slice(2)));
}
/** The first element of the summary's actions block. */
function liveOf(message: { blocks: unknown[] }): Record<string, unknown> {
  const block = message.blocks.find((b) => (b as { type: string }).type === 'actions') as
    { elements: Record<string, unknown>[] } | undefined;
  assert.ok(block, 'no actions block');
  return block.elements[0]!;
}

const headerOf = (m: { blocks: unknown[] }) => (m.blocks[0] as { text: { text: string } }).text.text;
const json = (m: unknown) => JSON.stringify(m);
/** Every `text` Slack renders, however deep. */
function textsOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(textsOf);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => (k === 'text' && typeof v === 'string' ? [v] : textsOf(v)));
}
const TWO: DigestTarget[] = [
  { id: '1001', name: 'Billing' },
  { id: '1002', name: 'Sales' },
];

describe('shift summary view', () => {
  it('the account: header with the shift in the digest’s zone, headline, figures vs last week, best and worst, live button', () => {
    const digest = digestOf({ kind: 'account' });
    const message = renderShiftSummary(accountSummary(), {
      digest,
      chart: { imageUrl: 'https://quickchart.io/chart?c=1', alt: 'Skills waiting', title: 'Waiting' },
    });
    assert.equal(headerOf(message), 'Shift summary · Whole account · 09:00–17:00 Europe/Berlin');
    assert.match(
      message.text,
      /^Shift summary · Whole account · 09:00–17:00 Europe\/Berlin · :red_circle: 3 waiting/,
    );
    const all = json(message.blocks);
    assert.match(all, /▲ 20 \(\+20%\) vs last week/, 'closed 120 vs 100');
    assert.match(all, /by agent 100 ▲10/);
    assert.match(all, /▼ 25s \(−21%\) vs last week/, 'avg wait 1m 35s vs 2m');
    assert.match(all, /▲ 7 pts \(\+9%\) vs last week/, 'CSAT');
    assert.match(all, /Best and worst skills this shift/);
    assert.match(all, /Best: \*Sales\* — avg wait 20s/);
    assert.match(all, /Worst: \*Billing\* — avg wait 1m 35s/);
    assert.ok(message.blocks.some((b) => b.type === 'image'));
    assert.match(all, /Digest `dg-7`/);
    const live = liveOf(message);
    assert.equal((live.text as { text: string }).text, 'Open live view');
    assert.equal(live.action_id, 'qp:run:live');
    assert.deepEqual(refOf(live.value as string), {
      kind: 'run',
      query: { kind: 'overview', window: { kind: 'last', ms: SHIFT }, public: false },
    });
    assert.deepEqual(checkMessage(message), []);
  });

  it('two skills: each on its lines beside last week, best and worst of them, one live view per skill in a menu', () => {
    const digest = digestOf({ kind: 'skills', items: TWO });
    const message = renderShiftSummary(skillsSummary(TWO), { digest });
    assert.equal(headerOf(message), 'Shift summary · Billing, Sales · 09:00–17:00 Europe/Berlin');
    const all = json(message.blocks);
    assert.match(all, /\*Billing\* · :red_circle: 3 waiting/);
    assert.match(all, /Closed 120 _▲ 20 \(\+20%\) vs last week_/);
    assert.match(all, /Compared with the same window last week/);
    assert.match(all, /Best: \*Billing\* — avg wait 30s/);
    assert.match(all, /Worst: \*Sales\* — avg wait 40s/);
    const menu = liveOf(message);
    assert.equal(menu.type, 'static_select');
    assert.deepEqual((menu.placeholder as { text: string }).text, 'Open live view');
    assert.equal((menu.options as unknown[]).length, 2);
    assert.deepEqual(checkMessage(message), []);
  });

  it('a deleted skill is a line; one skill alone has no best and worst; its live view is a button with its id', () => {
    const gone = { id: '1099', name: 'Legacy Billing' };
    const digest = digestOf({ kind: 'skills', items: [TWO[0]!, gone] });
    const summary = skillsSummary([TWO[0]!], 'Europe/Berlin', [gone]);
    const message = renderShiftSummary(
      { ...summary, standings: { kind: 'too-few', of: 'skills' } },
      { digest },
    );
    const all = json(message.blocks);
    assert.match(all, /\*Legacy Billing\* — this skill no longer exists in LivePerson/);
    assert.match(all, /Too few skills had conversations waiting this shift to compare/);
    const ref = refOf(liveOf(message).value as string);
    assert.ok(ref?.kind === 'run');
    assert.equal(ref.id, '1001');
    assert.equal(ref.query.kind, 'skill');
    assert.deepEqual(checkMessage(message), []);
  });

  it('hostile 300-character names with <!channel>: escaped, cut, inside every limit, for ten skills', () => {
    const targets = Array.from({ length: 10 }, (_, i) => ({ id: String(2000 + i), name: `${HOSTILE}${i}` }));
    const digest = { ...digestOf({ kind: 'skills', items: targets }), id: '<!here>' };
    const message = renderShiftSummary(skillsSummary(targets), { digest, late: true, manual: true });
    // Button and option values are state, never shown: only what Slack renders is checked.
    assert.ok(!textsOf(message).some((t) => t.includes('<!channel>')), 'a name pinged the channel');
    assert.ok(!textsOf(message).some((t) => t.includes('<!here>')));
    assert.ok(headerOf(message).length <= LIMITS.headerText);
    assert.match(
      headerOf(message),
      /\+\d+ more · 09:00–17:00 Europe\/Berlin$/,
      'the zone survives a long scope',
    );
    assert.deepEqual(checkMessage(message), []);
    const note = renderMissedNote(digest, { from: FIRE - 2 * DAY_MS, to: FIRE, count: 3 });
    assert.ok(!textsOf(note).some((t) => t.includes('<!channel>')));
    assert.deepEqual(checkMessage(note), []);
  });

  it('every digest shows its own zone, on its own clock (half-hour and 45-minute zones too)', () => {
    for (const [zone, shift] of [
      ['America/St_Johns', '04:30–12:30'],
      ['Asia/Kathmandu', '13:45–21:45'],
      ['UTC', '08:00–16:00'],
    ] as const) {
      const digest = digestOf({ kind: 'skills', items: TWO }, zone);
      const message = renderShiftSummary(skillsSummary(TWO, zone), { digest });
      assert.equal(headerOf(message), `Shift summary · Billing, Sales · ${shift} ${zone}`);
    }
  });

  it('late and manual marks say so; an on-time scheduled post has neither', () => {
    const digest = digestOf({ kind: 'account' });
    const late = json(renderShiftSummary(accountSummary(), { digest, late: true }));
    assert.match(late, /Posted late: Queue Pulse was down at 17:00 \(Europe\/Berlin\)/);
    const manual = json(renderShiftSummary(accountSummary(), { digest, manual: true }));
    assert.match(manual, /Run by hand, outside the schedule/);
    const plain = json(renderShiftSummary(accountSummary(), { digest }));
    assert.ok(!/Posted late|Run by hand/.test(plain));
  });

  it('the missed note: one note for many fires, with the span and the zone; a single miss reads as one', () => {
    const digest = digestOf({ kind: 'skills', items: TWO });
    const many = renderMissedNote(digest, { from: FIRE - 2 * DAY_MS, to: FIRE, count: 3 });
    assert.equal(
      many.text,
      ':warning: 3 shift summaries for Billing, Sales between Mon 23 Nov 17:00 and Wed 25 Nov 17:00 (Europe/Berlin) ' +
        'were missed while Queue Pulse was down. The next one is posted on schedule.',
    );
    assert.deepEqual(checkMessage(many), []);
    const one = renderMissedNote(digest, { from: FIRE, to: FIRE, count: 1 });
    assert.match(
      one.text,
      /^:warning: The shift summary for Billing, Sales due Wed 25 Nov 17:00 \(Europe\/Berlin\) was missed/,
    );
  });
});
