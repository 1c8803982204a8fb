/**
 * Numbers as a contact-center lead reads them: durations, percentages and counts. Shared by the
 * report text and the charts, so a chart never prints a number differently from the text beside it.
 */

/** count: whole numbers; duration: milliseconds; ratio: 0..1 (a load can exceed 1). */
export type NumberUnit = 'count' | 'duration' | 'ratio';

/** What an absent (not returned, not numeric) metric shows. */
export const ABSENT = '—';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function isNumber(value: number | undefined | null): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Milliseconds as "45s", "3m 48s", "1h 02m", "2d 03h"; "0s", "<1s"; negative or absent "—". */
export function formatDuration(ms: number | undefined | null): string {
  if (!isNumber(ms) || ms < 0) return ABSENT;
  if (ms === 0) return '0s';
  if (ms < SECOND) return '<1s';
  // Floor, not round: "3m 48s" must never claim a wait that has not yet happened.
  const total = Math.floor(ms / SECOND);
  if (ms < MINUTE) return `${total}s`;
  if (ms < HOUR) return `${Math.floor(total / 60)}m ${pad2(total % 60)}s`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)}h ${pad2(Math.floor((ms % HOUR) / MINUTE))}m`;
  return `${Math.floor(ms / DAY)}d ${pad2(Math.floor((ms % DAY) / HOUR))}h`;
}

/**
 * A ratio as a whole percentage: 0.87 → "87%", 1.18 → "118%" (a load can exceed 100 %). Values
 * arrive as ratios: LivePerson answers in percent are scaled at the edge (LP_LOAD_SCALE).
 */
export function formatPercent(value: number | undefined | null): string {
  if (!isNumber(value) || value < 0) return ABSENT;
  return `${Math.round(value * 100)}%`;
}

const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const PLAIN = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** An integer with thousands separators, e.g. "1,000". */
export function formatCount(value: number | undefined | null): string {
  if (!isNumber(value)) return ABSENT;
  return COUNT.format(Math.round(value));
}

/** A value in its unit; negative or absent values show as absent (no metric can be negative). */
export function formatValue(unit: NumberUnit | undefined, value: number | undefined | null): string {
  if (!isNumber(value) || value < 0) return ABSENT;
  switch (unit) {
    case 'duration':
      return formatDuration(value);
    case 'ratio':
      return formatPercent(value);
    case 'count':
      return formatCount(value);
    default:
      return PLAIN.format(value);
  }
}
