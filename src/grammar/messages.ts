/**
 * Every sentence the grammar answers with when it cannot read a command: what was wrong and what
 * to type instead. Arguments are fragments of the user's input (already cut to one short line);
 * the usage view escapes the whole sentence.
 */
import { RANK_METRICS, MAX_TOP } from '../domain/query';
import type { SpanProblem } from '../domain/window';
import { spanText } from '../shared/span-text';

const TOO_LONG_HINT = 'LivePerson keeps at most 24 h per query. Try `last 24h`.';

export const MESSAGES = {
  tooManyCharacters: (count: number) =>
    `That's ${count.toLocaleString('en-US')} characters; a /queue command is a few words, ` +
    'e.g. `/queue skill billing last 4h`.',
  unclosedQuote: (quote: string) =>
    `That ${quote} quote is never closed. Put the closing quote after the name, ` +
    'e.g. `/queue skill "Tech Support - Hardware"`.',
  unexpectedName: (name: string) =>
    `I didn't expect “${name}” there: a name goes right after \`skill\` or \`group\`, ` +
    `e.g. \`/queue skill "${name}"\`.`,
  otherChannel: (label: string) =>
    `I can only answer in the channel where you ask. Run the command in ${label ? `#${label}` : 'that channel'} ` +
    'and add `public` to share the answer there.',
  didYouMeanPhrase: (typed: string, phrase: string) =>
    `I didn't understand “${typed}” there — did you mean \`${phrase}\`?`,
  notUnderstood: (typed: string) =>
    `I didn't understand “${typed}” there. Names go right after \`skill\` or \`group\`, ` +
    'in quotes if they contain words like `last`, `by` or `top`.',
  oneReport: () => 'One report at a time, please: e.g. `/queue skill billing` or `/queue skills by wait`.',
  quoteTheName: (phrase: string, command: 'skill' | 'group') =>
    ` If “${phrase}” is a name, put it in quotes: \`/queue ${command} "${phrase}"\`.`,
  oneTimePhrase: (first: string, second: string) =>
    `Use one time phrase, not two: \`${first}\` or \`${second}\`.`,
  lastWhat: (n: string) => `Last ${n} what? Try \`last ${n}m\` or \`last ${n}h\`.`,
  lastNeedsLength: () => '`last` needs a length, like `last 30m`, `last 4h` or `last 1h30m`.',
  sinceNeedsTime: () => '`since` needs a time of day, like `since 08:00`, `since 8am` or `since 17`.',
  oneAudience: () => 'Pick one of `humans` or `bots` — or neither, to see both together.',
  rankBy: (typed: string | undefined) =>
    `${typed === undefined ? 'Rank by what?' : `I can't rank by “${typed}”.`} Rank by one of: ` +
    `${RANK_METRICS.map((x) => `\`${x}\``).join(', ')}.`,
  byNeedsRanking: () =>
    '`by` ranks skills or agent groups, e.g. `/queue skills by wait`; one of them alone has nothing to rank.',
  oneRankMetric: (first: string, second: string) =>
    `Rank by one thing at a time: \`by ${first}\` or \`by ${second}\`.`,
  topRange: (typed: string | undefined) =>
    `\`top\` takes a number from 1 to ${MAX_TOP}${typed === undefined ? '' : ` (not “${typed}”)`}, e.g. \`top 5\`.`,
  topNeedsRanking: () =>
    '`top` ranks skills or agent groups, e.g. `/queue skills top 5`; one of them alone has nothing to rank.',
  oneTop: (first: number, second: number) => `Pick one \`top\`: \`top ${first}\` or \`top ${second}\`.`,
  notAName: (what: 'skills' | 'agent groups', example: string, entity: 'channel-or-user' | 'link') =>
    entity === 'link'
      ? `Links aren't ${what} — try ${example}.`
      : `Channels and people aren't ${what} — try ${example}.`,
  slackUserGroup: () => "Slack user groups aren't agent groups — try `/queue group Tier 1`.",
  mentionInCommand: (example: string) =>
    `Mentions like @here don't belong in a /queue command — try ${example}.`,
  didYouMeanCommand: (typed: string, suggestion: string) =>
    `I don't know “${typed}” — did you mean \`/queue ${suggestion}\`?`,
  unknownFirstWord: (typed: string, guess: string) =>
    `I don't know “${typed}”. For one skill try \`/queue skill ${guess}\`; ` +
    `for an agent group, \`/queue group ${guess}\`.`,
  whichSkill: () => 'Which skill? e.g. `/queue skill billing`, or `/queue skills` for all of them.',
  whichGroup: () => 'Which agent group? e.g. `/queue group Tier 1`, or `/queue groups` for all of them.',
  noQueueForGroups: (by: string) =>
    `Conversations wait for skills, not agent groups, so groups can't be ranked \`by ${by}\`. ` +
    `Try \`/queue skills by ${by}\`, or \`/queue groups by load\`.`,
  compareWith: (typed: string | undefined) =>
    `${typed === undefined ? 'Compare with what?' : `I can't compare with “${typed}”.`} ` +
    'Try `vs yesterday` or `vs last week`, e.g. `/queue skill billing vs yesterday`.',
  compareNeedsReport: () =>
    '`vs` compares one skill, one agent group or the overview with an earlier window, ' +
    'e.g. `/queue skill billing vs last week`; rankings are not compared.',
  rankingNeedsDimension: () =>
    '`by` and `top` rank skills or agent groups: try `/queue skills by wait top 5` or `/queue groups by load`.',
} as const;

/** Why a length can never be a window, as the user reads it. */
export function spanProblemMessage(problem: SpanProblem): string {
  switch (problem.kind) {
    case 'backwards':
      return "A window can't run backwards. Try `last 30m` or `last 4h`.";
    case 'empty':
      return 'A window of 0 minutes has nothing in it. Try `last 30m` or `last 4h`.';
    case 'under-a-minute':
      return 'That window is under a minute; LivePerson counts whole minutes. Try `last 5m`.';
    case 'beyond-retention':
      return (
        `That window is ${spanText(problem.spanMs)}; LivePerson keeps only the last 14 days of metrics, ` +
        'and at most 24 h per query. Try `last 24h`.'
      );
    case 'over-24h':
      return `That window is ${spanText(problem.spanMs)}; ${TOO_LONG_HINT}`;
  }
}
