/**
 * The short answers around digests: saved, removed, refused, gone, posted now, not available,
 * the placeholder while a one-liner is checked, and the digest help.
 */
import type { Digest } from '../../domain/digest';
import type { UsageError } from '../../domain/query';
import type { ChannelProblem } from '../digests/channel-check';
import type { DraftProblem } from '../digests/draft-from-command';
import { section } from './blocks';
import { channelRef, digestSummary, idText, userRef, whenText } from './digest-text';
import { scopeProblemText } from './digest-problems';
import type { UsageExample } from './help';
import { fallbackText, type SlackMessage } from './message';
import { codeSpan, escapeMrkdwn, safeText } from './mrkdwn';
import { exampleLines, renderUsage } from './usage';

function note(escaped: string): SlackMessage {
  return { text: fallbackText(escaped), blocks: [section(escaped)], response_type: 'ephemeral' };
}

/** The forms of `/queue digest`, for its help and its usage answers. */
export const DIGEST_EXAMPLES: readonly UsageExample[] = [
  { command: '/queue digest add', meaning: 'Set up a shift summary in a form' },
  {
    command: '/queue digest add weekdays 17:00 Europe/Berlin skill billing,sales window 8h',
    meaning: 'The same in one line (channel: this one; zone: yours unless named)',
  },
  {
    command: '/queue digest add <#C0123|support-leads> mon,wed,fri 08:30 group "Tier 1" chart off',
    meaning: 'Another channel, chosen days, an agent group, no chart',
  },
  {
    command: '/queue digest list',
    meaning: "This channel's digests (in a DM: yours), to pause, run, edit or delete",
  },
  { command: '/queue digest edit k3x9q2', meaning: 'Change one in the form' },
  { command: '/queue digest pause k3x9q2', meaning: 'Stop its posts for now (`resume` starts them again)' },
  { command: '/queue digest remove k3x9q2', meaning: 'Delete one' },
];

/** `/queue digest help`. */
export function renderDigestHelp(): SlackMessage {
  const intro =
    'A digest posts a shift summary to a channel on schedule: the report for the shift ending at its time, ' +
    'in its timezone (daylight saving included), with the change against the same shift a week earlier.';
  return {
    text: fallbackText(escapeMrkdwn(intro)),
    blocks: [
      section(`*Scheduled digests*\n${intro}`),
      section(`*Forms*\n${exampleLines(DIGEST_EXAMPLES)}`),
      section(
        '*Parts of a one-line digest*, in any order: a channel, `daily` · `weekdays` · `weekends` · `mon,wed,fri`, ' +
          'a time `HH:MM` (24 h; `5pm` works too), an IANA timezone such as `America/New_York`, ' +
          '`account` · `skill a,b` · `group a,b`, `window 8h` (at most 24 h; default 8 h), `chart off`.',
      ),
    ],
    response_type: 'ephemeral',
  };
}

/** A `/queue digest …` the grammar could not read: why, and the digest forms. */
export function renderDigestUsage(usage: UsageError): SlackMessage {
  return renderUsage(usage, DIGEST_EXAMPLES);
}

/** The placeholder while a one-line digest's names and zone are checked. */
export function renderDigestChecking(): SlackMessage {
  return note(':hourglass_flowing_sand: Setting up the digest…');
}

/** Added or changed: what it will post, where, when, and its id. */
export function renderDigestSaved(
  digest: Digest,
  next: number | undefined,
  change: 'added' | 'updated',
): SlackMessage {
  const first = next === undefined ? '' : `\nFirst post: ${whenText(next)}.`;
  const verb = change === 'added' ? 'set up' : 'updated';
  return note(
    `:white_check_mark: Digest ${idText(digest.id)} ${verb}: posts in ${channelRef(digest.channelId)}, ` +
      `${digestSummary(digest)}.${first}\n_Manage it with \`/queue digest list\`${change === 'added' ? ` in ${channelRef(digest.channelId)}` : ''}._`,
  );
}

/**
 * The command as the user can send it again: Slack's `<#C…|name>` back to `#name` (the command
 * escapes channels, so Slack links it again), a user's to `@name`. A typed `<…>` would arrive
 * escaped and read as words.
 */
export function retypable(input: string): string {
  return input
    .trim()
    .replace(/<#[A-Z0-9]+\|([^>|]+)>/g, '#$1')
    .replace(/<@[A-Z0-9]+\|([^>|]+)>/g, '@$1');
}

/** A digest not saved because the bot is not in its channel; the command comes back to send again. */
export function renderDigestChannelProblem(problem: ChannelProblem, input: string): SlackMessage {
  const typed = retypable(input);
  const again = typed
    ? `, then send it again: ${codeSpan(safeText(`/queue ${typed}`, 300))}`
    : ', then send the command again.';
  return note(
    `:warning: Nothing saved: Queue Pulse ${problem.hidden ? 'cannot see' : 'is not in'} ${channelRef(problem.channelId)}, ` +
      `so it cannot post the summary there. Invite it (\`/invite @Queue Pulse\` in the channel)${again}`,
  );
}

export function renderDigestRemoved(id: string): SlackMessage {
  return note(`:wastebasket: Digest ${idText(id)} deleted; it will not post again.`);
}

export function digestNotFoundText(id: string): string {
  return `There is no digest ${idText(id)} (any more). \`/queue digest list\` shows the ones in a channel.`;
}

export function renderDigestNotFound(id: string): SlackMessage {
  return note(digestNotFoundText(id));
}

/** A submitted form the bot cannot read as one of its own (its hidden state was changed or lost). */
export function digestFormUnreadableText(): string {
  return ':warning: This form could not be read, so nothing was saved. Open it again with `/queue digest add` or the Edit button of `/queue digest list`.';
}

/** The polite refusal for someone who may not change a digest. */
export function digestRefusalText(digest: Pick<Digest, 'id' | 'createdBy'>): string {
  return (
    `:lock: Only ${userRef(digest.createdBy)}, who set up digest ${idText(digest.id)}, workspace admins ` +
    "and the bot's digest admins can change it. Ask one of them — or set up your own with `/queue digest add`."
  );
}

export function renderDigestRefused(digest: Pick<Digest, 'id' | 'createdBy'>): SlackMessage {
  return note(digestRefusalText(digest));
}

/** Run now: posted, or why not. */
export function renderDigestRan(
  digest: Digest,
  result: { ok: true } | { ok: false; reason: string },
): SlackMessage {
  return result.ok
    ? note(
        `:outbox_tray: Digest ${idText(digest.id)} posted to ${channelRef(digest.channelId)} now (outside its schedule).`,
      )
    : note(
        `:warning: Digest ${idText(digest.id)} could not post to ${channelRef(digest.channelId)}: ${safeText(result.reason, 300)}`,
      );
}

/** A pause or resume that went through. */
export function renderDigestPauseNote(digest: Digest, next: number | undefined): SlackMessage {
  return digest.paused
    ? note(
        `:double_vertical_bar: Digest ${idText(digest.id)} paused. Resume it with \`/queue digest resume ${digest.id}\` ` +
          'or from `/queue digest list`.',
      )
    : note(
        `:arrow_forward: Digest ${idText(digest.id)} resumed${next === undefined ? '' : `; next post ${whenText(next)}`}. ` +
          'Missed posts are not sent.',
      );
}

/** The form could not open (the trigger expired: Slack allows 3 seconds). */
export function renderModalFailed(): SlackMessage {
  return note(
    'The digest form could not open in time. Try again, or set it up in one line: ' +
      `${codeSpan('/queue digest add weekdays 17:00 skill billing')}.`,
  );
}

/** Something failed while saving; the digest is as it was. */
export function renderDigestFailed(): SlackMessage {
  return note(
    ':warning: The digest could not be saved just now (the store did not answer). Please try again.',
  );
}

/** A one-line digest whose names or channel did not resolve, as a usage-style answer. */
export function renderDraftProblem(problem: DraftProblem, input: string): SlackMessage {
  const message =
    problem.kind === 'channel-name'
      ? `I can't look up #${problem.name} from here: run the command in that channel, use the form ` +
        '(`/queue digest add`), or pick the channel with # so Slack links it.'
      : problem.kind === 'no-channel'
        ? 'There is no channel to post to here: name one, e.g. `/queue digest add #support-leads weekdays 17:00`.'
        : scopeProblemText(problem);
  return renderUsage({ kind: 'usage', message, input }, DIGEST_EXAMPLES);
}
