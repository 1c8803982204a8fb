/**
 * One skill at a glance: the queue against capacity (counts) beside the wait times (durations),
 * on two y axes so neither scale flattens the other.
 */
import { COLORS, type ChartSpec } from './chart-spec';
import { altText, formatCount, formatDuration, MAX_ALT_NAME_CHARS, present, shortLabel } from './chart-text';

export interface SkillChartInput {
  name: string;
  unassigned?: number;
  assigned?: number;
  availableSlots?: number;
  overdueInQueue?: number;
  waitP50Ms?: number;
  waitP90Ms?: number;
  avgWaitMs?: number;
}

interface Bar {
  label: string;
  /** Value as plotted (count, or wait in the chosen unit). */
  value: number;
  /** The same value for people: "7", "4m 05s". */
  display: string;
  color: string;
  axis: 'counts' | 'waits';
}

/** Below two minutes the longest wait reads better in seconds than in fractions of a minute. */
const MINUTES_FROM_MS = 120_000;

/** Queue vs capacity and wait times for one skill; undefined when every number is absent. */
export function skillChart(input: SkillChartInput): ChartSpec | undefined {
  const counts: [string, number | undefined, string][] = [
    ['Waiting', input.unassigned, COLORS.waiting],
    ['Assigned', input.assigned, COLORS.assigned],
    ['Free slots', input.availableSlots, COLORS.free],
    ['Overdue', input.overdueInQueue, COLORS.overdue],
  ];
  const waits: [string, number | undefined][] = [
    ['Wait p50', input.waitP50Ms],
    ['Wait p90', input.waitP90Ms],
    ['Avg wait', input.avgWaitMs],
  ];
  const presentWaits = waits.filter((w): w is [string, number] => present(w[1]));
  const inMinutes = presentWaits.some(([, ms]) => ms >= MINUTES_FROM_MS);
  const waitUnit = inMinutes ? 'min' : 's';
  const toUnit = (ms: number): number => Math.round((ms / (inMinutes ? 60_000 : 1000)) * 10) / 10;

  const bars: Bar[] = [
    ...counts
      .filter((c): c is [string, number, string] => present(c[1]))
      .map(([label, value, color]) => ({
        label,
        value,
        display: formatCount(value),
        color,
        axis: 'counts' as const,
      })),
    ...presentWaits.map(([label, ms]) => ({
      label,
      value: toUnit(ms),
      display: formatDuration(ms),
      color: COLORS.wait,
      axis: 'waits' as const,
    })),
  ];
  if (bars.length === 0) return undefined;

  const hasCounts = bars.some((b) => b.axis === 'counts');
  const hasWaits = bars.some((b) => b.axis === 'waits');
  const title = `${shortLabel(input.name)}: queue and wait`;
  const datasets = [];
  if (hasCounts)
    datasets.push({
      label: 'Conversations',
      data: bars.map((b) => (b.axis === 'counts' ? b.value : null)),
      backgroundColor: bars.map((b) => b.color),
      yAxisID: 'y',
      skipNull: true,
    });
  if (hasWaits)
    datasets.push({
      label: `Wait (${waitUnit})`,
      data: bars.map((b) => (b.axis === 'waits' ? b.value : null)),
      backgroundColor: COLORS.wait,
      yAxisID: hasCounts ? 'y1' : 'y',
      skipNull: true,
    });

  const scales: Record<string, object> = {
    y: {
      beginAtZero: true,
      ...(hasCounts ? { ticks: { precision: 0 } } : {}),
      title: { display: true, text: hasCounts ? 'Conversations' : `Wait (${waitUnit})` },
    },
  };
  if (hasCounts && hasWaits)
    scales.y1 = {
      beginAtZero: true,
      position: 'right',
      grid: { drawOnChartArea: false },
      title: { display: true, text: `Wait (${waitUnit})` },
    };

  return {
    title,
    width: 600,
    height: 320,
    alt: skillAlt(input.name, bars),
    config: {
      type: 'bar',
      data: { labels: bars.map((b) => [b.label, b.display]), datasets },
      options: {
        layout: { padding: 8 },
        plugins: { title: { display: true, text: title, font: { size: 14 } }, legend: { display: false } },
        scales,
      },
    },
  };
}

function skillAlt(name: string, bars: Bar[]): string {
  const byLabel = new Map(bars.map((b) => [b.label, b.display]));
  const countWords: [string, string][] = [
    ['Waiting', 'waiting'],
    ['Assigned', 'assigned'],
    ['Free slots', 'free slots'],
    ['Overdue', 'overdue in queue'],
  ];
  const countPart = countWords
    .filter(([label]) => byLabel.has(label))
    .map(([label, words]) => `${byLabel.get(label)} ${words}`)
    .join(', ');
  const percentiles = [
    ['Wait p50', 'p50'],
    ['Wait p90', 'p90'],
  ]
    .filter(([label]) => byLabel.has(label as string))
    .map(([label, words]) => `${words} ${byLabel.get(label as string)}`);
  const waitParts = [
    percentiles.length > 0 ? `queue wait ${percentiles.join(', ')}` : '',
    byLabel.has('Avg wait') ? `average wait ${byLabel.get('Avg wait')}` : '',
  ].filter(Boolean);
  const parts = [countPart, ...waitParts].filter(Boolean);
  return altText(`${shortLabel(name, MAX_ALT_NAME_CHARS)}: `, parts);
}
