import { strict as assert } from 'node:assert';
import { toMetricsAnswer } from '../../../src/liveperson/mapper';
import type { ComparisonInput } from '../../../src/domain/report';
import { DAY_MS } from '../../../src/domain/time';
import { changeText, comparisonLine } from '../../../src/slack/views/compare-text';
import { renderReport } from '../../../src/slack/views';
import { checkMessage } from '../../../src/slack/views/limits';
import { NOW, billingResponse, buildReport, field, fieldsUnder, skillQuery } from '../../fixtures/reports';

/** The billing fixture's closed count and the rest, in an earlier window. */
function earlier(
  withWhat: 'yesterday' | 'week',
  metrics: Record<string, number>,
  missing?: ComparisonInput['missing'],
): ComparisonInput {
  const days = withWhat === 'yesterday' ? 1 : 7;
  const window = { from: NOW - 4 * 3_600_000 - days * DAY_MS, to: NOW - days * DAY_MS };
  if (missing) return { with: withWhat, window, missing };
  return {
    with: withWhat,
    window,
    answer: toMetricsAnswer({ groups: [], count: 0, links: {}, all: metrics }, 'ratio'),
  };
}

function render(comparisons: ComparisonInput[]) {
  const report = buildReport({
    query: { ...skillQuery(), compare: comparisons.map((c) => c.with) },
    scope: { id: '1001', name: 'Billing' },
    responses: billingResponse(),
    fetchedAt: NOW,
    source: 'Simulator',
    comparisons,
  });
  assert.ok(report.kind === 'skill');
  return { report, message: renderReport(report) };
}

describe('comparison view', () => {
  it('arrows and the change: up, down, none, no data, and an earlier 0 with no percentage', () => {
    assert.equal(changeText('closed', 162, 150), '▲ 12 (+8%)');
    assert.equal(changeText('closed', 97, 100), '▼ 3 (−3%)');
    assert.equal(changeText('closed', 5, 5), 'no change');
    assert.equal(changeText('closed', 5, undefined), '—');
    assert.equal(changeText('closed', undefined, 5), '—');
    assert.equal(changeText('closed', 4, 0), '▲ 4 (n/a %)');
    assert.equal(changeText('avgWait', 90_000, 60_000), '▲ 30s (+50%)');
    assert.equal(changeText('csat', 0.8, 0.85), '▼ 5 pts (−6%)');
    // Escaped: the text is mrkdwn, where a raw "<" starts a link.
    assert.equal(changeText('avgWait', 100_400, 100_000), '▲ &lt;1s (+&lt;1%)');
  });

  it('beside each period KPI: the change vs yesterday and vs last week', () => {
    const { report, message } = render([
      earlier('yesterday', { closedConversations: 100, avgWaitTime: 60_000, csat: 0.5 }),
      earlier('week', { closedConversations: 0 }),
    ]);
    assert.equal(report.kpis.closed.value, 1234, 'the billing fixture');
    const fields = fieldsUnder(message.blocks, '*Period*');
    const closedField = field(fields, 'Closed');
    assert.ok(
      closedField.includes('\n_▲ 1,134 (+1134%) vs yesterday · ▲ 1,234 (n/a %) vs last week_\n'),
      closedField,
    );
    // Not asked, or not returned, for last week: "—" and no arrow.
    assert.match(field(fields, 'Avg wait'), /vs yesterday · — vs last week_$/);
    assert.match(
      JSON.stringify(message.blocks),
      /\*Period\* · last 4h · _compared with the same window yesterday and last week_/,
    );
    // Current values are never compared.
    const queue = fieldsUnder(message.blocks, '*Queue now*').join('\n');
    assert.doesNotMatch(queue, /vs yesterday/);
    assert.deepEqual(checkMessage(message), []);
  });

  it('a window past the 14 days is left out of the fields with a note; a failed one reads "—"', () => {
    const { message } = render([
      earlier('yesterday', {}, 'unavailable'),
      earlier('week', {}, 'beyond-retention'),
    ]);
    const title = JSON.stringify(message.blocks);
    assert.match(title, /LivePerson keeps 14 days of metrics, so last week is left out/);
    assert.match(title, /yesterday's figures could not be fetched/);
    const fields = fieldsUnder(message.blocks, '*Period*');
    assert.match(field(fields, 'Closed'), /— vs yesterday_/);
    assert.doesNotMatch(fields.join('\n'), /vs last week/);
  });

  it('comparisonLine joins the earlier windows in the order asked', () => {
    const line = comparisonLine('closed', 10, [
      { with: 'week', window: { from: 0, to: 1 }, values: { closed: 5 } },
      { with: 'yesterday', window: { from: 0, to: 1 }, values: { closed: 20 } },
    ]);
    assert.equal(line, '▲ 5 (+100%) vs last week · ▼ 10 (−50%) vs yesterday');
  });
});
