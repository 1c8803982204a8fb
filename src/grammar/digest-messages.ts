/**
 * Every sentence the digest grammar answers with when it cannot read `/queue digest …`: what was
 * wrong and what to type instead. Arguments are fragments of the input (one short line); the
 * usage view escapes the whole sentence.
 */
import { MAX_DIGEST_TARGETS } from '../domain/digest';
import { spanText } from '../shared/span-text';

const EXAMPLE = '`/queue digest add weekdays 17:00 Europe/Berlin skill billing`';

export const DIGEST_MESSAGES = {
  unknownAction: (typed: string, suggestion: string | undefined) =>
    `I don't know “digest ${typed}”${suggestion ? ` — did you mean \`/queue digest ${suggestion}\`?` : '.'} ` +
    'Use `/queue digest add`, `/queue digest list`, `/queue digest edit <id>`, `/queue digest pause <id>`, ' +
    '`/queue digest resume <id>` or `/queue digest remove <id>`.',
  nothingAfter: (action: string, typed: string) =>
    `\`/queue digest ${action}\` takes nothing after it (not “${typed}”).`,
  whichDigest: (action: 'remove' | 'edit' | 'pause' | 'resume') =>
    `Which digest? e.g. \`/queue digest ${action} k3x9q2\`; \`/queue digest list\` shows their ids.`,
  notAnId: (typed: string) =>
    `“${typed}” isn't a digest id: ids are letters and digits, as \`/queue digest list\` shows them.`,
  oneChannel: () => 'One channel per digest, please: name it once, or leave it out to use this channel.',
  notAChannel: () =>
    `A digest posts to a channel: name it like #support-leads, or leave it out to use this one. E.g. ${EXAMPLE}.`,
  oneDays: () => 'Name the days once: `daily`, `weekdays`, `weekends`, or days like `mon,wed,fri`.',
  unknownDay: (typed: string) =>
    `“${typed}” isn't a day: use \`mon\`, \`tue\`, \`wed\`, \`thu\`, \`fri\`, \`sat\`, \`sun\` ` +
    '(e.g. `mon,wed,fri` or `mon-fri`), or `daily`, `weekdays`, `weekends`.',
  oneTime: (first: string, second: string) => `One time per digest: \`${first}\` or \`${second}\`.`,
  timeFormat: (typed: string) => `Write the time as HH:MM (24 h), e.g. \`17:00\` — not “${typed}”.`,
  badTime: (typed: string) =>
    `“${typed}” isn't a time of day: use HH:MM from 00:00 to 23:59, e.g. \`17:00\`.`,
  needsTime: () => `When should it post? Add a time, e.g. ${EXAMPLE}.`,
  oneZone: (first: string, second: string) => `One timezone per digest: \`${first}\` or \`${second}\`.`,
  unknownZone: (typed: string, suggestion: string | undefined) =>
    suggestion
      ? `I don't know the timezone “${typed}” — did you mean \`${suggestion}\`?`
      : `I don't know the timezone “${typed}”. Use an IANA name such as \`Europe/Berlin\` or \`America/New_York\`, ` +
        'or leave it out to use your Slack timezone.',
  zoneAbbreviation: (typed: string, suggestion: string | undefined) =>
    `“${typed}” is an abbreviation, and abbreviations don't follow daylight saving time: ` +
    `use a zone such as \`${suggestion ?? 'Europe/Berlin'}\`.`,
  oneScope: () => 'One scope per digest: the `account`, some `skill a,b`, or some `group a,b` — not a mix.',
  whichNames: (what: 'skill' | 'group') =>
    `Which ${what === 'skill' ? 'skills' : 'agent groups'}? e.g. \`${what} ${what === 'skill' ? 'billing,sales' : '"Tier 1",Tier 2'}\` ` +
    '(names separated by commas, in quotes if they contain words like `window`).',
  tooManyNames: (count: number) =>
    `A digest covers at most ${MAX_DIGEST_TARGETS} skills or groups (that's ${count}); ` +
    'split them over two digests, or use the `account`.',
  windowNeedsLength: () => 'How long a shift? e.g. `window 8h` or `window 30m` (at most 24 h).',
  windowTooLong: (ms: number) =>
    `A digest covers at most 24 h (LivePerson answers at most 24 h per query); ${spanText(ms)} is longer. ` +
    'Try `window 8h`.',
  windowTooShort: (ms: number) =>
    `${spanText(ms)} is too short for a shift summary: use at least 15 minutes, e.g. \`window 8h\`.`,
  oneWindow: () => 'One shift length per digest, e.g. `window 8h`.',
  chartOnOff: () => '`chart` takes `on` or `off`, e.g. `chart off`.',
  oneAudience: () => 'Pick one of `humans` or `bots` — or neither, to see both together.',
  notUnderstood: (typed: string) =>
    `I didn't understand “${typed}” in a digest. Use a channel, days, a time, a timezone, ` +
    `\`skill a,b\` or \`group a,b\`, \`window 8h\`, \`chart off\` — e.g. ${EXAMPLE}.`,
  didYouMean: (typed: string, word: string) =>
    `I didn't understand “${typed}” in a digest — did you mean \`${word}\`?`,
} as const;
