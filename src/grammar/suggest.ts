/**
 * Suggestions for input that almost parsed: the command word a typo was aiming at ("skils" →
 * skills), the phrase a stray word belongs to ("4h" → `last 4h`), and `#channel` / `@person` typed
 * where Slack did not turn them into entities.
 */
import { distance } from 'fastest-levenshtein';
import { parseClock, parseDuration } from './time-words';
import type { SlackEntity } from './tokenize';
import { COMMAND_VOCABULARY, metricAt } from './vocabulary';

/** `#support-leads` / `@lee` typed where Slack did not escape them (should_escape: false). */
export function mentionWord(text: string): SlackEntity | undefined {
  const m = /^([#@])([\p{L}\p{N}_.-]+)$/u.exec(text);
  if (!m) return undefined;
  const [, sigil, rest = ''] = m;
  if (sigil === '#') return { type: 'channel', target: '', label: rest };
  return ['here', 'channel', 'everyone'].includes(rest.toLowerCase())
    ? { type: 'special', target: rest.toLowerCase() }
    : { type: 'user', target: '', label: rest };
}

/** The command word closest to a mistyped one ("skils" → skills), if it is close enough. */
export function closestCommand(key: string): string | undefined {
  const limit = key.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const word of COMMAND_VOCABULARY) {
    const d = distance(key, word);
    // On a tie keep the plural the user typed: "skils" → skills, "grup" → group.
    const better = d < bestDistance || (d === bestDistance && word.endsWith('s') === key.endsWith('s'));
    if (better) [best, bestDistance] = [word, d];
  }
  return bestDistance <= limit ? best : undefined;
}

/** A stray "4h", "8am" or "wait" is a time phrase or a ranking missing its keyword. */
export function phraseFor(key: string): string | undefined {
  const duration = parseDuration([key]);
  if (duration && duration.ms > 0 && /^\d/.test(key)) return `last ${key}`;
  if (/[:a-z]/.test(key) && parseClock([key])) return `since ${key}`;
  const metric = metricAt([key]);
  return metric ? `skills by ${metric.metric}` : undefined;
}
