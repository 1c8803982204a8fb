import { strict as assert } from 'node:assert';
import {
  LivePersonAuthError,
  LivePersonInvalidRequestError,
  LivePersonRateLimitedError,
  LivePersonTimeoutError,
  LivePersonUnavailableError,
} from '../../../src/liveperson/client/errors';
import type { KmmResponse } from '../../../src/liveperson/contract/metrics-response';
import { toReport, type ComparisonInput, type RankingReport } from '../../../src/domain/report';
import { toMetricsAnswer } from '../../../src/liveperson/mapper';
import { checkMessage } from '../../../src/slack/views/limits';
import { problemOf } from '../../../src/reports/problem-of';
import {
  ACTION_STATE_CODEC,
  decodeActionValue,
  sealActionValues,
  type StoredState,
} from '../../../src/slack/action-ref';
import { MemoryRepository } from '../../fixtures/memory-store';
import { agentRows, agentsQuery, agentsReport } from '../../fixtures/agents';
import {
  renderAmbiguous,
  renderFetching,
  renderHelp,
  renderNotFound,
  renderProblem,
  renderReport,
  renderUsage,
} from '../../../src/slack/views';
import type { SlackMessage } from '../../../src/slack/views';
import {
  allText,
  billingResponse,
  buttons,
  groupQuery,
  groupResponse,
  headerText,
  HOSTILE_NAME,
  manyGroups,
  NOW,
  overviewQuery,
  pages,
  rankingQuery,
  skillQuery,
  buildReport,
  windowAt,
} from '../../fixtures/reports';
import type { WindowSpec } from '../../../src/domain/window';

/** A window with every note at once, one of them carrying hostile text (a zone name from Slack). */
const SPEC: WindowSpec = { kind: 'since', hour: 23, minute: 59, day: 'auto' };
const LONG_WINDOW = windowAt(SPEC, [
  { kind: 'unknown-zone', zone: HOSTILE_NAME.slice(0, 40) },
  { kind: 'skipped-time', hour: 2, minute: 30, day: 'today', shownHour: 3, shownMinute: 30 },
  { kind: 'clamped', spanMs: 25 * 3_600_000 },
]);
const SOURCE = `Simulator ${HOSTILE_NAME}`;
const CHART = {
  imageUrl: `https://quickchart.io/chart?c=${'x'.repeat(2960)}`,
  alt: HOSTILE_NAME.repeat(10),
  title: HOSTILE_NAME,
};

/** Hostile overview data: every skill named with the 300-character name. */
function hostileOverview(): KmmResponse {
  const groups = manyGroups(1000, (i) => `${HOSTILE_NAME.slice(0, 295)} ${i}`);
  return { ...pages(groups, 1000)[0]!, all: { unassignedConversations: 1_000_000 } };
}

/** Earlier windows with every period KPI far from today's, so every field carries its longest change. */
const COMPARISONS: ComparisonInput[] = (['yesterday', 'week'] as const).map((w) => ({
  with: w,
  window: { from: NOW - 8 * 86_400_000, to: NOW - 7 * 86_400_000 },
  answer: toMetricsAnswer(
    {
      groups: [],
      count: 0,
      links: {},
      all: {
        closedConversations: 9_999_999,
        closedByAgent: 9_999_999,
        closedByConsumer: 0,
        autoClosed: 1,
        avgWaitTime: 86_399_000,
        avgWaitTimeFirstResponse: 1,
        avgTimeToResponse: 3_000_000,
        csat: 0.01,
      },
    },
    'ratio',
  ),
}));

const actionState = new MemoryRepository<StoredState>(ACTION_STATE_CODEC);

/**
 * The message as the outbox sends it (button state too big for a button sealed into the store)
 * fits Slack's limits, shows nothing unescaped, and every button decodes back to its state.
 */
async function assertFits(name: string, raw: SlackMessage): Promise<void> {
  const m = { ...raw, blocks: await sealActionValues(raw.blocks, actionState) };
  assert.deepEqual(checkMessage(m), [], name);
  for (const b of buttons(m.blocks)) {
    assert.ok(
      await decodeActionValue(b.value, actionState),
      `${name}: button ${b.action_id} does not decode`,
    );
  }
  const visible = allText(m.blocks) + m.text;
  assert.ok(!visible.includes('<!channel>'), `${name}: unescaped ping`);
  assert.ok(m.text.length > 0 && m.text.length <= 4000, `${name}: text length`);
}

describe('every view fits Slack limits with hostile input', () => {
  const candidates = [
    { id: '1', name: HOSTILE_NAME },
    ...Array.from({ length: 30 }, (_, i) => ({ id: String(i + 2), name: `${HOSTILE_NAME} ${i}` })),
  ];
  const skill = { ...skillQuery(HOSTILE_NAME), window: SPEC };
  const views: [string, () => SlackMessage][] = [
    [
      'skill',
      () =>
        renderReport(
          buildReport({
            query: skill,
            window: LONG_WINDOW,
            scope: { id: '1', name: HOSTILE_NAME },
            responses: billingResponse(),
            fetchedAt: NOW,
            source: SOURCE,
          }),
          { chart: CHART },
        ),
    ],
    [
      'group',
      () =>
        renderReport(
          buildReport({
            query: { ...groupQuery(HOSTILE_NAME), window: SPEC },
            window: LONG_WINDOW,
            scope: { id: '502', name: HOSTILE_NAME },
            responses: groupResponse(),
            fetchedAt: NOW,
            source: SOURCE,
          }),
          { chart: { ...CHART, imageUrl: undefined, slackFileId: 'F1' } },
        ),
    ],
    [
      'overview',
      () =>
        renderReport(
          buildReport({
            query: { ...overviewQuery(), window: SPEC },
            window: LONG_WINDOW,
            responses: hostileOverview(),
            fetchedAt: NOW,
            source: SOURCE,
          }),
          { chart: CHART },
        ),
    ],
    ...[1, 2, 20, 40].map((page): [string, () => SlackMessage] => [
      `ranking page ${page}`,
      () =>
        renderReport(
          {
            ...(buildReport({
              query: { ...rankingQuery('load', 'groups', 50), window: SPEC },
              window: LONG_WINDOW,
              responses: pages(manyGroups(1000, () => HOSTILE_NAME)),
              fetchedAt: NOW,
              source: SOURCE,
            }) as RankingReport),
            page,
          },
          { chart: CHART, pageSize: 25 },
        ),
    ]),
    [
      'agents: ten hostile names on a middle page',
      () =>
        renderReport({
          ...agentsReport(
            agentRows(10, 10).map((r, i) => ({ ...r, name: HOSTILE_NAME, bot: i % 3 === 0 })),
            { total: 1200, page: 2, query: agentsQuery({ name: HOSTILE_NAME, window: SPEC }) },
          ),
          name: HOSTILE_NAME,
          botsUnknown: true,
        }),
    ],
    ['fetching agents', () => renderFetching(agentsQuery({ name: HOSTILE_NAME }))],
    [
      'skill compared with yesterday and last week',
      () =>
        renderReport(
          buildReport({
            query: { ...skill, compare: ['yesterday', 'week'] },
            window: LONG_WINDOW,
            scope: { id: '1001', name: HOSTILE_NAME },
            responses: billingResponse(),
            fetchedAt: NOW,
            source: SOURCE,
            comparisons: COMPARISONS,
          }),
          { chart: CHART },
        ),
    ],
    [
      'overview compared, one window left out',
      () =>
        renderReport(
          buildReport({
            query: { ...overviewQuery(), window: SPEC, compare: ['yesterday', 'week'] },
            window: LONG_WINDOW,
            responses: hostileOverview(),
            fetchedAt: NOW,
            source: SOURCE,
            comparisons: [COMPARISONS[0]!, { ...COMPARISONS[1]!, missing: 'beyond-retention' }],
          }),
          { chart: CHART },
        ),
    ],
    [
      'trend over 24 h, cut to the last 24 h',
      () =>
        renderReport(
          toReport({
            query: { kind: 'trend', of: 'skill', name: HOSTILE_NAME, window: SPEC, public: false },
            window: LONG_WINDOW,
            answer: { rows: [], count: 0 },
            scope: { id: '1001', name: HOSTILE_NAME },
            fetchedAt: NOW,
            source: SOURCE,
            series: {
              intervalMinutes: 15,
              span: { from: NOW - 86_400_000, to: NOW, clampedFrom: NOW - 100_000_000 },
              points: Array.from({ length: 96 }, (_, i) => ({
                end: NOW - (95 - i) * 900_000,
                values: { closed: 1_000_000 + i, concluded: 2_000_000, transfers: 999_999 },
              })),
            },
          }),
          { chart: CHART },
        ),
    ],
    ['fetching', () => renderFetching(skill)],
    [
      'fetching a trend',
      () => renderFetching({ kind: 'trend', of: 'group', name: HOSTILE_NAME, window: SPEC, public: false }),
    ],
    ['usage', () => renderUsage({ kind: 'usage', message: HOSTILE_NAME, input: HOSTILE_NAME.repeat(20) })],
    ['help', () => renderHelp()],
    ['not found', () => renderNotFound(skill, candidates)],
    [
      'ambiguous',
      () =>
        renderAmbiguous(
          {
            ...groupQuery(HOSTILE_NAME),
            window: SPEC,
          },
          candidates,
        ),
    ],
    ['problem: auth', () => renderProblem(problemOf(new LivePersonAuthError(HOSTILE_NAME)))],
    [
      'problem: rate limited',
      () => renderProblem(problemOf(new LivePersonRateLimitedError(HOSTILE_NAME, { retryAfterSeconds: 12 }))),
    ],
    ['problem: unavailable', () => renderProblem(problemOf(new LivePersonUnavailableError(HOSTILE_NAME)))],
    ['problem: timeout', () => renderProblem(problemOf(new LivePersonTimeoutError(HOSTILE_NAME)))],
    [
      'problem: invalid request',
      () =>
        renderProblem(problemOf(new LivePersonInvalidRequestError('x', { reason: HOSTILE_NAME.repeat(20) }))),
    ],
    ['problem: unknown', () => renderProblem(problemOf(new Error(HOSTILE_NAME)))],
    ['problem: stale button', () => renderProblem({ kind: 'stale-action' })],
    ['problem: too big', () => renderProblem({ kind: 'too-big' })],
  ];
  for (const [name, render] of views) it(name, () => assertFits(name, render()));

  it('cuts a 300-character name in the header without breaking an entity', () => {
    const m = views[0]![1]();
    const header = headerText(m.blocks);
    assert.ok(header.length <= 150);
    assert.ok(header.startsWith('Skill &lt;!channel&gt; Loyalty &lt;Gold&gt; &amp; Returns &amp; Exchanges'));
    assert.ok(!/&[a-z]{0,3}…/.test(header), header);
  });
});
