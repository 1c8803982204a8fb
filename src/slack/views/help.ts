/**
 * The commands the help, the usage answer and the App Home show. Every one parses to a report, a
 * digest command or help (tested with the grammar).
 */
export interface UsageExample {
  command: string;
  meaning: string;
}

export const USAGE_EXAMPLES: readonly UsageExample[] = [
  { command: '/queue', meaning: 'The whole account over the last hour' },
  { command: '/queue skill billing', meaning: 'One skill over the last hour' },
  {
    command: '/queue skill "Tech Support - Hardware" last 4h',
    meaning: 'Quote names with spaces or keywords; the last 4 hours',
  },
  { command: '/queue group Tier 1 today', meaning: 'An agent group with its sub-groups, since midnight' },
  {
    command: '/queue skill billing last 4h vs yesterday',
    meaning: 'The period figures beside the same hours yesterday (or `vs last week`)',
  },
  { command: '/queue skills by wait top 5', meaning: 'Skills ranked by wait time, top 5' },
  { command: '/queue groups by load', meaning: 'Agent groups ranked by agent load' },
  { command: '/queue skill VIP since 08:00 humans', meaning: 'Human agents only, since 08:00 your time' },
  { command: '/queue bots last 30m', meaning: 'Bot conversations only, the last 30 minutes' },
  { command: '/queue skills by csat public', meaning: 'Answer in the channel, for everyone to see' },
  { command: '/queue digest add', meaning: 'Post a shift summary to this channel on schedule (a form)' },
  {
    command: '/queue digest add weekdays 17:00 Europe/Berlin skill billing window 8h',
    meaning: 'The same in one line; `/queue digest help` for every form',
  },
  { command: '/queue digest list', meaning: "This channel's digests: pause, run now, edit, delete" },
  { command: '/queue help', meaning: 'This help' },
];
