/**
 * Usage and help: what `/queue` understands, with examples. The examples default to USAGE_EXAMPLES
 * (help.ts) and can be passed in (tests, other surfaces).
 */
import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, codeSpan, safeText } from './mrkdwn';
import type { UsageError } from '../../domain/query';
import { RANK_METRICS } from '../../domain/query';
import { USAGE_EXAMPLES, type UsageExample } from './help';
import { header, section } from './blocks';
import type { SlackMessage } from './message';
import { fallbackText } from './message';

/** Longest echoed command text. */
const INPUT_WIDTH = 300;
/** Examples shown at most; each is a short line, so 15 stay far below the section limit. */
const MAX_EXAMPLES = 15;

/** The examples as bullet lines (escaped mrkdwn), at most MAX_EXAMPLES of them. */
export function exampleLines(examples: readonly UsageExample[]): string {
  return examples
    .slice(0, MAX_EXAMPLES)
    .map((e) => `• ${codeSpan(safeText(e.command, 100))} — ${safeText(e.meaning, 200)}`)
    .join('\n');
}

/** The answer to input the grammar could not read: why, what was typed, and examples. */
export function renderUsage(
  usage: UsageError,
  examples: readonly UsageExample[] = USAGE_EXAMPLES,
): SlackMessage {
  const typed = usage.input.trim();
  const echo = typed ? ` ${codeSpan(safeText(typed, INPUT_WIDTH))}` : '';
  const reason = safeText(usage.message, 1000);
  const first = `:thinking_face: I couldn't read${echo}: ${reason}`;
  const blocks: KnownBlock[] = [section(first)];
  if (examples.length) blocks.push(section(`*Try for example*\n${exampleLines(examples)}`));
  return { text: fallbackText(first), blocks, response_type: 'ephemeral' };
}

/** `/queue help`: what the command does, every form, and the ranking metrics. */
export function renderHelp(examples: readonly UsageExample[] = USAGE_EXAMPLES): SlackMessage {
  const intro =
    "Queue Pulse reads LivePerson's Key Messaging Metrics: conversations waiting, agents online, " +
    'wait times and CSAT, for the whole account, one skill or one agent group.';
  const blocks: KnownBlock[] = [header('/queue — contact-center metrics in Slack'), section(intro)];
  if (examples.length) blocks.push(section(`*Examples*\n${exampleLines(examples)}`));
  blocks.push(
    section(
      `*Rankings* order skills or groups by ${RANK_METRICS.map((m) => `\`${m}\``).join(', ')}; worst first.\n` +
        '*Time windows* such as `last 4h` or `today`: LivePerson answers at most 24 h per query and keeps 14 days.\n' +
        'Answers are visible only to you unless you add `public`.',
    ),
  );
  return { text: fallbackText(escapeMrkdwn(`/queue help: ${intro}`)), blocks, response_type: 'ephemeral' };
}
