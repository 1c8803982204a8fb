/**
 * Text helpers shared by the chart builders: labels, durations and alt text.
 * Chart labels are drawn as plain text, so LivePerson names are only tidied and shortened, not escaped.
 */
import { MAX_ALT_CHARS } from './chart-spec';

/** Longest label a chart axis shows before it is cut with an ellipsis. */
export const MAX_LABEL_CHARS = 30;
/** Names in alt text may be longer than on an axis, but not unbounded. */
export const MAX_ALT_NAME_CHARS = 80;

/** Collapses whitespace (names may carry newlines or tabs) and cuts to `max` characters with `suffix`. */
export function shortLabel(text: string, max: number = MAX_LABEL_CHARS, suffix = '…'): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(clean); // by code point, so a cut never splits an emoji or accent pair
  if (chars.length <= max) return clean;
  return (
    chars
      .slice(0, Math.max(1, max - suffix.length))
      .join('')
      .trimEnd() + suffix
  );
}

/** A number is usable in a chart only when finite and not negative (KMM sends -1 for "n/a"). */
export function present(value: number | undefined | null): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

// Charts print numbers exactly as the report text does (same rounding), so they never disagree.
export { formatCount, formatDuration } from '../shared/number-format';

/**
 * `head` followed by `items` joined with "; ", within `limit` characters: items that do not fit are
 * replaced by "and N more" so the reader knows the list goes on.
 */
export function altText(head: string, items: readonly string[], limit: number = MAX_ALT_CHARS): string {
  const reserve = `; and ${items.length} more`.length;
  let text = head.length + reserve > limit ? head.slice(0, limit - reserve - 1) + '…' : head;
  for (let i = 0; i < items.length; i++) {
    const next = text + (i === 0 ? '' : '; ') + String(items[i]);
    const left = items.length - i - 1;
    if (next.length + (left > 0 ? `; and ${left} more`.length : 0) > limit) {
      return `${text}${i === 0 ? '' : '; '}and ${items.length - i} more`;
    }
    text = next;
  }
  return text;
}
