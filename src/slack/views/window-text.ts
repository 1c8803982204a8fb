/**
 * A resolved window in words: its label ("since 08:00 yesterday"), the notes that explain an
 * adjustment, and the sentence for a window that cannot be answered right now.
 */
import type { ResolvedWindow, WindowNote, WindowProblem } from '../../domain/window';
import { formatClock, windowPhrase } from '../../grammar/phrase';
import { spanText } from '../../shared/span-text';

/** "last 4h", "since 08:00 yesterday", "today": how the report labels its window. */
export function windowLabel(window: ResolvedWindow): string {
  return windowPhrase(window.spec, window.day);
}

function noteText(note: WindowNote, window: ResolvedWindow): string {
  switch (note.kind) {
    case 'unknown-zone':
      return `I don't know the timezone “${note.zone}”, so times are in UTC.`;
    case 'rolled-to-yesterday': {
      const clock = formatClock(note.hour, note.minute);
      return `${clock} hasn't come yet today (${window.zone}), so this is since ${clock} yesterday.`;
    }
    case 'skipped-time':
      return (
        `${formatClock(note.hour, note.minute)} didn't exist ${note.day} (the clocks went forward), ` +
        `so this counts from ${formatClock(note.shownHour, note.shownMinute)}.`
      );
    case 'clamped': {
      const span = spanText(note.spanMs);
      switch (window.spec.kind) {
        case 'since': {
          const named = `${formatClock(window.spec.hour, window.spec.minute)}${window.day === 'yesterday' ? ' yesterday' : ''}`;
          return `${named} was ${span} ago (the clocks went back), so this covers the last 24 h.`;
        }
        case 'today':
          return `Today is ${span} long so far (the clocks went back), so this covers the last 24 h.`;
        case 'yesterday':
          return `Yesterday was ${span} long (the clocks went back), so this covers its last 24 h.`;
        default:
          return `That window is ${span} long, so this covers its last 24 h.`;
      }
    }
  }
}

/** The notes of a window, one sentence each (empty when nothing was adjusted). */
export function windowNotes(window: ResolvedWindow): string[] {
  return window.notes.map((n) => noteText(n, window));
}

/** Why there is no report for this window right now, with what to ask instead. */
export function windowProblemText(problem: WindowProblem): string {
  switch (problem.kind) {
    case 'not-yet': {
      const clock = formatClock(problem.hour, problem.minute);
      return (
        `It isn't ${clock} yet today (it's ${formatClock(problem.nowHour, problem.nowMinute)} in ${problem.zone}). ` +
        `Try \`since ${clock}\` for yesterday's ${clock}, or \`last 1h\`.`
      );
    }
    case 'starts-now':
      return 'That starts right now, so there is nothing to count yet. Try `last 1h`.';
    case 'under-a-minute':
      return `${formatClock(problem.hour, problem.minute)} was under a minute ago; LivePerson counts whole minutes. Try \`last 1h\`.`;
    case 'too-long':
      return `That window is ${spanText(problem.spanMs)}; LivePerson keeps at most 24 h per query. Try \`last 24h\`.`;
    case 'day-just-begun':
      return (
        `Today has only just begun (it's ${formatClock(problem.nowHour, problem.nowMinute)} in ${problem.zone}). ` +
        'Try `last 1h`.'
      );
  }
}
