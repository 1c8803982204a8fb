/**
 * Digest problems in words: a form field's (inline in the modal) and a one-liner's (a usage-style
 * answer). One sentence per problem, so the form and the command say the same thing.
 */
import { MAX_DIGEST_TARGETS } from '../../domain/digest';
import type { FormProblem, FormProblems } from '../digests/digest-form';
import type { ScopeProblem } from '../digests/resolve-scope';
import { truncate } from './mrkdwn';

/** Slack shows a field error as plain text under the field; keep it short. */
const MAX_FIELD_ERROR = 300;

function quoteList(names: readonly string[]): string {
  return names
    .slice(0, 5)
    .map((n) => `“${n}”`)
    .join(', ');
}

/** A name problem, as plain text (the form) — the one-liner escapes it for mrkdwn. */
export function scopeProblemText(p: ScopeProblem): string {
  switch (p.kind) {
    case 'not-found': {
      const what = p.of === 'skill' ? 'skill' : 'agent group';
      return p.suggestions.length
        ? `No ${what} is called “${p.name}”. Did you mean ${quoteList(p.suggestions)}?`
        : `No ${what} is called “${p.name}” in LivePerson. Check the spelling, or use /queue ${p.of}s to see them all.`;
    }
    case 'ambiguous':
      return `“${p.name}” fits several ${p.of === 'skill' ? 'skills' : 'agent groups'}: ${quoteList(p.candidates)}. Type more of the name.`;
    case 'lookup-failed':
      return 'LivePerson did not answer in time to check these names. Please try again in a moment.';
  }
}

function fieldText(p: FormProblem): string {
  switch (p.kind) {
    case 'required':
      return 'Please fill this in.';
    case 'no-chosen-days':
      return 'Tick at least one day, or choose “Every day”, “Weekdays” or “Weekends” above.';
    case 'days-not-chosen':
      return 'These only count with “Chosen days” above: choose that, or clear them.';
    case 'bad-time':
      return 'Use a time of day from 00:00 to 23:59, e.g. 17:00.';
    case 'bad-zone':
      return 'Pick a timezone from the list.';
    case 'bad-shift':
      return 'Pick a shift from 1 h to 24 h (LivePerson answers at most 24 h per query).';
    case 'names-needed':
      return `Which ${p.of === 'skills' ? 'skills' : 'agent groups'}? Type their names, separated by commas.`;
    case 'names-without-scope':
      return 'Names go with “Skills” or “Agent groups”: choose one of those, or clear the names.';
    case 'too-many-names':
      return `At most ${MAX_DIGEST_TARGETS} names per digest (that's ${p.count}); split them over two digests.`;
    case 'bot-not-in-channel':
      return p.hidden
        ? 'Queue Pulse cannot see this channel, so it cannot post there. Invite it (type /invite @Queue Pulse in the channel), then Save again.'
        : 'Queue Pulse is not in this channel, so it cannot post there. Invite it (type /invite @Queue Pulse in the channel), then Save again.';
    default:
      return scopeProblemText(p);
  }
}

/** The `errors` of `response_action: 'errors'`: block id → what is wrong with that field. */
export function renderFormErrors(problems: FormProblems): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [block, problem] of Object.entries(problems)) {
    if (problem) out[block] = truncate(fieldText(problem), MAX_FIELD_ERROR);
  }
  return out;
}
