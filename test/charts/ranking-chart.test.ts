import { strict as assert } from 'node:assert';
import { rankingChart } from '../../src/charts/ranking-chart';

const input = {
  title: 'Skills by queue wait p90',
  unitLabel: 'minutes',
  rows: [
    { label: 'Billing', value: 9, display: '9m 00s' },
    { label: 'Retention', value: undefined, display: '–' },
    { label: 'Sales', value: 4.1, display: '4m 05s' },
    { label: 'VIP', value: 0, display: '0s' },
  ],
};

describe('rankingChart', () => {
  it('draws horizontal bars in the order given, skipping rows without a value', () => {
    const spec = rankingChart(input)!;
    assert.equal(spec.config.options?.indexAxis, 'y');
    assert.deepEqual(spec.config.data.labels, ['Billing (9m 00s)', 'Sales (4m 05s)', 'VIP (0s)']);
    assert.equal(spec.config.data.datasets.length, 1);
    assert.deepEqual(spec.config.data.datasets[0]!.data, [9, 4.1, 0]);
    assert.equal(
      (spec.config.options?.scales?.x as { title: { text: string }; position?: string }).title.text,
      'minutes',
    );
    assert.equal(spec.title, 'Skills by queue wait p90');
  });

  it('states every shown value in the alt text', () => {
    assert.equal(
      rankingChart(input)!.alt,
      'Skills by queue wait p90 (minutes): Billing 9m 00s; Sales 4m 05s; VIP 0s',
    );
  });

  it('returns undefined when no row has a value', () => {
    assert.equal(rankingChart({ ...input, rows: [] }), undefined);
    assert.equal(
      rankingChart({
        ...input,
        rows: [
          { label: 'A', value: undefined, display: '–' },
          { label: 'B', value: NaN, display: '?' },
        ],
      }),
      undefined,
    );
  });

  it('shortens long labels on the axis but not below the name', () => {
    const spec = rankingChart({
      ...input,
      rows: [{ label: 'Technical support — tier 2 escalations (EMEA)', value: 3, display: '3m 00s' }],
    })!;
    const label = spec.config.data.labels![0] as string;
    assert.ok(label.startsWith('Technical support'));
    assert.ok(label.endsWith('… (3m 00s)'));
    assert.ok(label.length <= 30 + ' (3m 00s)'.length);
  });

  it('grows taller with more rows', () => {
    const rows = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ label: `S${i}`, value: i, display: `${i}` }));
    const small = rankingChart({ ...input, rows: rows(3) })!.height;
    const big = rankingChart({ ...input, rows: rows(25) })!.height;
    assert.ok(big > small);
    assert.ok(big >= 25 * 15, `${big}px is too short for 25 bars`);
  });

  it('caps the alt text at 2000 characters with "and N more"', () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({
      label: `Agent with a rather long display name number ${i}`,
      value: 200 - i,
      display: `${200 - i}m 00s`,
    }));
    const alt = rankingChart({ ...input, rows })!.alt;
    assert.ok(alt.length <= 2000);
    assert.match(alt, /; and \d+ more$/);
    assert.ok(alt.includes('number 0 200m 00s'));
  });
});
