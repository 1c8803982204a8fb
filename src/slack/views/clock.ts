/**
 * An instant as a zone's clock shows it ("14:15"): chart labels, trend rows, shift spans. Answers
 * are remembered because a digest minute draws the same labels for every digest in a zone, and
 * each luxon call allocates a formatter's worth of objects (a thousand summaries churned ~70 MB).
 */
import { LRUCache } from 'lru-cache';
import { DateTime } from 'luxon';

/** A day of 1-minute labels in a dozen zones. */
const labels = new LRUCache<string, string>({ max: 20_000 });

/** "17:00" on `zone`'s clock. */
export function clockIn(epochMs: number, zone: string): string {
  const key = `${zone}|${epochMs}`;
  let text = labels.get(key);
  if (text === undefined) {
    text = DateTime.fromMillis(epochMs, { zone }).toFormat('HH:mm');
    labels.set(key, text);
  }
  return text;
}
