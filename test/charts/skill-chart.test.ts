import { strict as assert } from 'node:assert';
import { skillChart } from '../../src/charts/skill-chart';

const billing = {
  name: 'Billing',
  unassigned: 7,
  assigned: 12,
  availableSlots: 3,
  overdueInQueue: 2,
  waitP50Ms: 72_000,
  waitP90Ms: 245_000,
  avgWaitMs: 120_000,
};

function firstLines(labels: unknown[] | undefined): unknown[] {
  return (labels ?? []).map((l): unknown => (Array.isArray(l) ? (l as unknown[])[0] : l));
}

describe('skillChart', () => {
  it('plots counts on the left axis and waits in minutes on the right', () => {
    const spec = skillChart(billing)!;
    const { data, options } = spec.config;
    assert.equal(spec.config.type, 'bar');
    assert.deepEqual(firstLines(data.labels), [
      'Waiting',
      'Assigned',
      'Free slots',
      'Overdue',
      'Wait p50',
      'Wait p90',
      'Avg wait',
    ]);
    assert.equal(data.datasets.length, 2);
    assert.deepEqual(data.datasets[0]!.data, [7, 12, 3, 2, null, null, null]);
    assert.equal(data.datasets[0]!.yAxisID, 'y');
    assert.deepEqual(data.datasets[1]!.data, [null, null, null, null, 1.2, 4.1, 2]);
    assert.equal(data.datasets[1]!.yAxisID, 'y1');
    assert.equal(
      (options?.scales?.y1 as { title: { text: string }; position?: string }).title.text,
      'Wait (min)',
    );
    assert.equal((options?.scales?.y1 as { title: { text: string }; position?: string }).position, 'right');
  });

  it('shows each value under its bar label', () => {
    const labels = skillChart(billing)!.config.data.labels!;
    assert.deepEqual(labels[0], ['Waiting', '7']);
    assert.deepEqual(labels[5], ['Wait p90', '4m 05s']);
  });

  it('states the numbers in the alt text', () => {
    assert.equal(
      skillChart(billing)!.alt,
      'Billing: 7 waiting, 12 assigned, 3 free slots, 2 overdue in queue; queue wait p50 1m 12s, p90 4m 05s; average wait 2m 00s',
    );
  });

  it('uses seconds when every wait is under two minutes', () => {
    const spec = skillChart({ name: 'Sales', waitP50Ms: 30_000, waitP90Ms: 90_500 })!;
    assert.deepEqual(spec.config.data.datasets[0]!.data, [30, 90.5]);
    assert.equal(
      (spec.config.options?.scales?.y as { title: { text: string }; position?: string }).title.text,
      'Wait (s)',
    );
  });

  it('skips absent, negative and non-finite numbers but keeps zero', () => {
    const spec = skillChart({
      name: 'Sales',
      unassigned: 0,
      assigned: NaN,
      availableSlots: -1,
      waitP90Ms: 245_000,
    })!;
    assert.deepEqual(firstLines(spec.config.data.labels), ['Waiting', 'Wait p90']);
    assert.deepEqual(spec.config.data.datasets[0]!.data, [0, null]);
    assert.equal(spec.alt, 'Sales: 0 waiting; queue wait p90 4m 05s');
  });

  it('draws a single axis when only counts are known', () => {
    const spec = skillChart({ name: 'Sales', unassigned: 4, assigned: 9 })!;
    assert.equal(spec.config.data.datasets.length, 1);
    assert.equal(spec.config.options?.scales?.y1, undefined);
    assert.equal(spec.alt, 'Sales: 4 waiting, 9 assigned');
  });

  it('draws waits on the only axis when no counts are known', () => {
    const spec = skillChart({ name: 'Sales', avgWaitMs: 150_000 })!;
    assert.equal(spec.config.data.datasets.length, 1);
    assert.equal(spec.config.data.datasets[0]!.yAxisID, 'y');
    assert.equal(spec.alt, 'Sales: average wait 2m 30s');
  });

  it('returns undefined when every number is absent', () => {
    assert.equal(skillChart({ name: 'Empty' }), undefined);
    assert.equal(skillChart({ name: 'Empty', unassigned: NaN, waitP50Ms: -1 }), undefined);
  });

  it('puts the plain, shortened name in the title', () => {
    const name = 'R&D <escalations> for premium customers in EMEA';
    const spec = skillChart({ name, unassigned: 1 })!;
    assert.ok(spec.title.startsWith('R&D <escalations>'));
    assert.ok(spec.title.includes('…: queue and wait'));
    assert.ok(spec.alt.startsWith(name));
  });
});
