import { strict as assert } from 'node:assert';
import { overviewChart } from '../../src/charts/overview-chart';

describe('overviewChart', () => {
  it('pairs waiting and free slots per skill, leaving unknown slots empty', () => {
    const spec = overviewChart({
      rows: [
        { label: 'Billing', waiting: 7, availableSlots: 3 },
        { label: 'Sales', waiting: 2 },
        { label: 'VIP', waiting: 0, availableSlots: 5 },
      ],
    })!;
    assert.deepEqual(spec.config.data.labels, ['Billing', 'Sales', 'VIP']);
    assert.deepEqual(
      spec.config.data.datasets.map((d) => [d.label, d.data]),
      [
        ['Waiting', [7, 2, 0]],
        ['Free slots', [3, null, 5]],
      ],
    );
    assert.equal(spec.config.options?.indexAxis, 'y');
    assert.equal(
      spec.alt,
      'Waiting and free slots by skill: Billing: 7 waiting, 3 free slots; Sales: 2 waiting; VIP: 0 waiting, 5 free slots',
    );
  });

  it('draws only the waiting bars, without a legend, when no slots are known', () => {
    const spec = overviewChart({ rows: [{ label: 'Billing', waiting: 7 }] })!;
    assert.equal(spec.config.data.datasets.length, 1);
    assert.equal(spec.config.options?.plugins?.legend?.display, false);
  });

  it('skips rows without any usable number and returns undefined when none is left', () => {
    const spec = overviewChart({
      rows: [
        { label: 'Broken', waiting: NaN },
        { label: 'Billing', waiting: 1 },
      ],
    })!;
    assert.deepEqual(spec.config.data.labels, ['Billing']);
    assert.equal(overviewChart({ rows: [] }), undefined);
    assert.equal(overviewChart({ rows: [{ label: 'Broken', waiting: -1 }] }), undefined);
  });

  it('shortens long skill names on the axis and keeps the alt text within 2000 characters', () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({
      label: `Skill with an unusually long configured name ${i}`,
      waiting: i,
      availableSlots: 2,
    }));
    const spec = overviewChart({ rows })!;
    for (const label of spec.config.data.labels as string[]) assert.ok(Array.from(label).length <= 30);
    assert.ok(spec.alt.length <= 2000);
    assert.match(spec.alt, /and \d+ more$/);
  });
});
